#ifndef FORUMLENS_CLIBXML2_SHIM_H
#define FORUMLENS_CLIBXML2_SHIM_H
// xmlversion.h first, then drop ICU: with it, debug builds of a module importing Foundation
// and libxml2 fail ("'UErrorCode' has different definitions in different modules").
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/encoding.h>
#include <zlib.h>

// xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void forumlens_xmlFree(void *p) { xmlFree(p); }

#endif

#ifndef FORUMLENS_COPENSSL_SHIM_H
#define FORUMLENS_COPENSSL_SHIM_H
// Only the one-shot SHA-256 of libcrypto: it uses the CPU's SHA instructions where there are.
#include <openssl/sha.h>
#endif

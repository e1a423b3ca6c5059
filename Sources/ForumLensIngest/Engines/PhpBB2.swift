extension Engine {
    /// phpBB 2.0 with subSilver and the templates derived from it: no element wraps a post, so
    /// the message cell (`td[width=100%][height=28]`) is the post and the author cell before it
    /// its header; `span.name b`, `span.postdetails`, the `<a name>` anchor as the id, quote
    /// tables, the edit footer in `span.gensmall` (the signature after `_________________` is cut
    /// from the text for every extractor). Checked against corpora/fr/phpbb2-subsilver-cv.html.
    static let phpBB2 = Engine("phpbb2", yaml: """
        name: phpBB 2 (subSilver)
        match:
          page: "table.forumline td span.postbody"
        post: "td[width=\\"100%\\"][height=\\"28\\"][valign=\\"top\\"]"
        header: "td[width=\\"150\\"][valign=\\"top\\"]"
        author: "span.name b"
        date: "span.postdetails"
        permalink: "a[href*=\\"#\\"]"
        body: "tr:last-child > td[colspan=\\"2\\"]"
        quote: "td[colspan=\\"2\\"] table[width=\\"90%\\"][align=\\"center\\"]"
        signature: "span.gensmall"
        """)
}

extension Engine {
    /// phpBB 3 (prosilver and its derivatives): `div.post#pNNN` (the ad block that reuses
    /// `div.post` has no id), the author in `p.author > strong`, the date after `»` (3.0) or in a
    /// `<time>` (3.2+), the text in `div.content`, `div.signature`; edit notices are dropped as
    /// everywhere. Checked against corpora/fr/phpbb3-reseaux-p1.html and -p2.html.
    static let phpBB3 = Engine("phpbb3", yaml: """
        name: phpBB 3
        match:
          page: "div#page-body div.post[id^=p] div.postbody p.author"
        post: "div.post[id^=p]"
        author: "p.author strong"
        date: "p.author"
        body: "div.postbody div.content"
        quote: "blockquote"
        signature: "div.signature"
        """)
}

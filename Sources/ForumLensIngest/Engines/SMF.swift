extension Engine {
    /// Simple Machines Forum 2.0 (Curve): `div.post_wrapper`, the author in `div.poster h4`,
    /// the date in `div.keyinfo`, the text and the message id in `div.inner#msg_NNN`, quote
    /// headers written before their blockquote. Checked against corpora/fr/smf-teletravail.html.
    static let smf = Engine("smf", yaml: """
        name: SMF
        match:
          page: "div#forumposts div.post_wrapper div.postarea div.keyinfo"
        post: "div.post_wrapper"
        author: "div.poster h4"
        date: "div.keyinfo .smalltext"
        body: "div.post div.inner"
        quote: "blockquote"
        signature: "div.signature"
        permalink: "div.inner[id^=msg_]"
        """)
}

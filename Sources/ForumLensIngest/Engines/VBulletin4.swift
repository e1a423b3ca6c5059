extension Engine {
    /// vBulletin 4: `li.postcontainer#post_NNN`, `span.date`, `a.username`, the text in
    /// `blockquote.postcontent` inside `#post_message_NNN` (the "last edited" one is outside it),
    /// `div.bbcode_quote`, `blockquote.signature`. Checked against corpora/en/vbulletin4-freelance.html.
    static let vBulletin4 = Engine("vbulletin4", yaml: """
        name: vBulletin 4
        match:
          generator: ["vbulletin 4"]
          page: "li.postcontainer[id^=post_] div[id^=post_message_]"
        post: "li.postcontainer[id^=post_]"
        author: "a.username"
        date: "span.date"
        body: "div[id^=post_message_] > blockquote.postcontent"
        quote: "div.bbcode_quote"
        signature: "blockquote.signature"
        """)
}

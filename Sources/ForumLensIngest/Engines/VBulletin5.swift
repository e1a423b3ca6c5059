extension Engine {
    /// vBulletin 5 Connect: `li.b-post[data-node-id]` in `ul.conversation-list`, the author in
    /// `div.b-userinfo div.author`, `time` in the timestamp, `div.js-post__content-text`,
    /// `div.bbcode_quote`, `div.b-post__signature`. Checked against corpora/en/vbulletin5-side-hustle.html.
    static let vBulletin5 = Engine("vbulletin5", yaml: """
        name: vBulletin 5
        match:
          generator: ["vbulletin 5"]
          page: "ul.conversation-list li.b-post[data-node-id]"
        post: "li.b-post[data-node-id]"
        author: "div.b-userinfo div.author"
        date: "div.b-post__timestamp time"
        body: "div.js-post__content-text"
        quote: "div.bbcode_quote"
        signature: "div.b-post__signature"
        next_page: "a.js-pagenav-next-button"
        """)
}

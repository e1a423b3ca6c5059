extension Engine {
    /// XenForo 1: `li.message#post-N` in `ol#messageList`, `a.username`, the date permalink
    /// (`abbr.DateTime[data-time]` or a titled `span.DateTime`), the `blockquote.messageText` of
    /// the article (the signature shares its class), `div.bbCodeQuote` quotes. Checked against
    /// corpora/en/xenforo1-portfolio.html.
    static let xenForo1 = Engine("xenforo1", yaml: """
        name: XenForo 1
        match:
          page: "ol#messageList li.message[id^=post-] blockquote.messageText"
        post: "li.message[id^=post-]"
        author: "div.messageUserInfo a.username"
        date: "div.messageMeta a.datePermalink"
        body: "div.messageContent article blockquote.messageText"
        quote: "div.bbCodeQuote"
        signature: "div.signature"
        next_page: "div.PageNav nav a.text[href*=page-]"
        """)
}

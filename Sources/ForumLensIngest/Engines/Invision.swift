extension Engine {
    /// Invision Community 4: `article.ipsComment#elComment_NNN`, `.cAuthorPane_author`,
    /// `time[datetime]`, `[data-role=commentContent]`, `blockquote.ipsQuote` (its `data-ipsquote-*`
    /// attributes give author and target), the member signature and IPS's own `data-excludequote`
    /// edit line left out. Checked against corpora/en/invision-career-change.html and the real page
    /// ../shared/data/forums-dev/ipb-en-1.html.
    static let invision = Engine("invision", yaml: """
        name: Invision Community
        match:
          page: "article.ipsComment[id^=elComment_] [data-role=commentContent]"
        post: "article.ipsComment[id^=elComment_]"
        author: ".cAuthorPane_author"
        date: "time[datetime]"
        body: "[data-role=commentContent]"
        quote: "blockquote.ipsQuote"
        signature: "[data-role=memberSignature], [data-excludequote]"
        """)
}

extension Engine {
    /// Vanilla Forums 2 and 3: the opening `div.ItemDiscussion` and the `li.ItemComment`s,
    /// `a.Username`, `span.DateCreated time` (its `datetime`, not the `title` before it),
    /// `div.Message.userContent`, `blockquote.UserQuote` quotes with their "X said:" author,
    /// `div.UserSignature`. Checked against corpora/en/vanilla-freelance-rates.html.
    static let vanilla = Engine("vanilla", yaml: """
        name: Vanilla Forums
        match:
          page: "div.ItemDiscussion div.Item-Header.DiscussionHeader, ul.Comments li.ItemComment div.Item-Header.CommentHeader"
        post: "div.Item.ItemDiscussion, ul.Comments li.ItemComment"
        author: ".Item-Header .Author a.Username"
        date: ".Item-Header span.DateCreated time"
        body: "div.Message.userContent"
        quote: "blockquote.Quote, blockquote.UserQuote"
        signature: "div.Signature, div.UserSignature"
        next_page: ".Pager a.Next"
        """)
}

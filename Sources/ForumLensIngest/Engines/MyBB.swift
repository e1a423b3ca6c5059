extension Engine {
    /// MyBB: `div.post#post_NNN` (not the `a#pidNNN` or `div#pid_NNN` inside), the author in
    /// `.author_information .largetext`, `span.post_date` (relative dates read from the inner
    /// title), `div.post_body`, `blockquote.mycode_quote`, `div.signature`. Checked against
    /// corpora/en/mybb-side-projects.html.
    static let myBB = Engine("mybb", yaml: """
        name: MyBB
        match:
          page: "div.post[id^=post_] div.post_body[id^=pid_]"
        post: "div.post[id^=post_]"
        author: ".author_information .largetext"
        date: "span.post_date"
        body: "div.post_body"
        quote: "blockquote.mycode_quote"
        signature: "div.signature"
        """)
}

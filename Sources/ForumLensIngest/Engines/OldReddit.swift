extension Engine {
    /// old Reddit (old.reddit.com): the submission `div.thing.link` and the comments
    /// `div.thing.comment`, nested as the replies are; the tagline's author and time, the
    /// `div.md` text; top-level comments answer the submission. Checked against
    /// corpora/en/oldreddit-burnout.html.
    static let oldReddit = Engine("oldreddit", yaml: """
        name: old Reddit
        match:
          page: "div.commentarea > div.sitetable.nestedlisting"
        post: "div.sitetable.linklisting > div.thing.link, div.commentarea div.thing.comment"
        author: "p.tagline > a.author"
        date: "p.tagline > time.live-timestamp"
        body: "div.usertext-body > div.md"
        quote: "div.md blockquote"
        first_post: question
        """)
}

extension Engine {
    /// Hacker News item pages: the story (`table.fatitem`) and every comment a sibling row
    /// `tr.athing.comtr` of the comment tree, threaded by `td.ind[indent]` depths (not by
    /// nesting), `a.hnuser`, `span.age` titles, `commtext`; comments answer the story. Checked
    /// against corpora/en/hackernews-remote-hiring.html.
    static let hackerNews = Engine("hackernews", yaml: """
        name: Hacker News
        match:
          url: "https://news.ycombinator.com/item?id=*"
          page: "table.comment-tree tr.athing.comtr td.ind"
        post: "table.fatitem, table.comment-tree tr.athing.comtr"
        author: "a.hnuser"
        date: "span.age"
        body: "div.toptext, div.commtext, span.commtext"
        permalink: "tr.athing"
        depth: "td.ind"
        next_page: "a.morelink"
        first_post: question
        """)
}

extension Engine {
    /// Discourse, server-rendered (crawler) topic view: `div.topic-body.crawler-post`, the username
    /// in `span.creator span[itemprop=name]`, `time[itemprop=datePublished]`, `div.post[itemprop=text]`,
    /// `aside.quote` (with `data-username` and `data-post`). A browser-saved rendered page (the
    /// JavaScript app) has no crawler posts and is left to the generic extractor. Checked against
    /// corpora/en/discourse-crawler-remote-work.html.
    static let discourse = Engine("discourse", yaml: """
        name: Discourse
        match:
          generator: [discourse]
          page: "div.topic-body.crawler-post"
        post: div.topic-body.crawler-post
        author: "span.creator span[itemprop=name]"
        date: "time[itemprop=datePublished]"
        body: "div.post[itemprop=text]"
        quote: aside.quote
        """)
}

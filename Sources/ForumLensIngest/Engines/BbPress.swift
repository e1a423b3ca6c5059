extension Engine {
    /// bbPress (a WordPress forum plugin), default templates: `#bbpress-forums li.bbp-body`
    /// holds each post as a `div.type-topic` / `div.type-reply` after its header
    /// (`div.bbp-reply-header`, with the date and the `#post-N` permalink), `.bbp-author-name`,
    /// `.bbp-reply-content`. Checked against the real page ../shared/data/forums-dev/bbpress-en-1.html;
    /// bbpress-en-2's theme keeps almost no bbPress markup and is left to the generic extractor.
    static let bbPress = Engine("bbpress", yaml: """
        name: bbPress
        match:
          page: "#bbpress-forums li.bbp-body > div.bbp-reply-header, #bbpress-forums li.bbp-body > div.bbp-topic-header"
        post: "#bbpress-forums li.bbp-body > div.type-topic, #bbpress-forums li.bbp-body > div.type-reply"
        header: "div.bbp-reply-header, div.bbp-topic-header"
        author: ".bbp-author-name"
        date: ".bbp-reply-post-date, .bbp-topic-post-date"
        body: ".bbp-reply-content, .bbp-topic-content"
        permalink: "a.bbp-reply-permalink, a.bbp-topic-permalink"
        signature: ".bbp-reply-revision-log, .bbp-topic-revision-log, .bbp-signature"
        """)
}

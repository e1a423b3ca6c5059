extension Engine {
    /// Homeland (the Rails forum of ruby-china.org): `div.topic-detail` and the
    /// `#replies div.reply` rows, `a.user-name`, `abbr.timeago` titles, `div.markdown` text, the
    /// `#replyN` floor links as ids; replies answer the topic. Checked against the real page
    /// ../shared/data/forums-dev/homeland-zh-1.html; no corpus page yet.
    static let homeland = Engine("homeland", yaml: """
        name: Homeland
        match:
          generator: [homeland]
          page: "div.topic-detail .info a.user-name[data-author], div#replies div.reply div.infos div.markdown"
        post: "div.topic-detail, div#replies div.reply"
        author: ".info a.user-name"
        date: ".info abbr.timeago"
        body: "div.markdown"
        quote: blockquote
        permalink: "a.time[href^='#reply'], a.reply-floor[href^='#reply']"
        first_post: question   # replies answer the topic (as the generic extractor links them)
        """)
}

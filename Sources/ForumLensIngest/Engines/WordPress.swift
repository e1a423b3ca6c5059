extension Engine {
    /// WordPress posts with comments (core `wp_list_comments`, html5 and xhtml): the article
    /// (`article.hentry`, `role: article`) and the `li.comment`s nested as `ol.children` thread
    /// them, hCard authors (`.vcard .fn`), `time.published` and the comment metadata time,
    /// Jetpack's share and related-posts blocks left out. WordPress forum plugins (bbPress, wpForo…)
    /// write no core comment list and are not taken. Checked against
    /// corpora/fr/wordpress-article-commentaires.html.
    static let wordPress = Engine("wordpress", yaml: """
        name: WordPress comments
        match:
          page: "ol.comment-list > li.comment > article.comment-body, ol.commentlist > li.comment > div.comment-body"
        post: "article.hentry, li.comment"
        author: ".vcard .fn"
        date: "time.published, .comment-metadata time"
        body: "div.entry-content, div.comment-content"
        signature: "div.sharedaddy, div.jp-relatedposts"
        first_post: article
        """)
}

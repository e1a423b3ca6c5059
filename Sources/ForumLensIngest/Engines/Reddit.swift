extension Engine {
    /// new Reddit (shreddit web components, 2024): `shreddit-post` and the nested
    /// `shreddit-comment`s of the comment tree, their `slot` parts, `faceplate-timeago` times, the
    /// comment id from its permalink's path; top-level comments answer the submission. Checked
    /// against the real page ../shared/data/forums-dev/reddit-en-1.html (no corpus page yet).
    static let reddit = Engine("reddit", yaml: """
        name: Reddit (shreddit)
        match:
          page: "shreddit-post[view-context=CommentsPage], shreddit-comment-tree shreddit-comment"
        post: "shreddit-post, shreddit-comment-tree shreddit-comment"
        author: "span[slot=authorName] a, div[slot=commentMeta] faceplate-tracker[noun=comment_author] a"
        date: "faceplate-timeago"
        body: "div[slot=text-body] div.md[id$=-post-rtjson-content], div[slot=comment]"
        permalink: "div[slot=commentMeta] a[href*='/comment/']"
        first_post: question
        """)
}

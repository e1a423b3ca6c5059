extension Engine {
    /// XenForo 2: `article.message--post`, `.message-name`, `time.u-dt` in the attribution,
    /// `.bbWrapper`, `blockquote.bbCodeBlock--quote` (its "Click to expand..." link is chrome),
    /// `aside.message-signature`. Checked against corpora/en/xenforo2-networking.html and the real
    /// page ../shared/data/forums-dev/xenforo-de-1.html (German; its saved markup nests each
    /// post inside the one before, so its posts come out as a reply chain).
    static let xenForo2 = Engine("xenforo2", yaml: """
        name: XenForo 2
        match:
          page: "article.message--post .message-body"
        post: "article.message--post"
        author: ".message-name"
        date: ".message-attribution time.u-dt"
        body: ".message-body .bbWrapper"
        quote: "blockquote.bbCodeBlock--quote"
        signature: "aside.message-signature"
        """)
}

extension Engine {
    /// Asgaros Forum (a WordPress forum plugin): `#af-wrapper` posts `#postid-N`, the username
    /// in the author block, `.forum-post-date`, `.post-message`; the hidden copy of each post the
    /// quote button uses (`#post-quote-container-N`) left out. Checked against the real page
    /// ../shared/data/forums-dev/asgaros-de-1.html (and, by its author, on pages made from the
    /// plugin's 1.x and 2.x templates); no corpus page yet.
    static let asgaros = Engine("asgaros", yaml: """
        name: Asgaros Forum
        match:
          page: "#af-wrapper [id^=postid-] .post-message"
        post: "#af-wrapper div.post-element[id^=postid-], #af-wrapper div.post[id^=postid-]"
        author: ".post-author-block-name .post-username, .post-author-block-name a.profile-link, .post-author strong"
        date: ".forum-post-date, .post-header .post-date"
        body: ".post-message"
        quote: ".post-message blockquote"
        signature: "div[id^=post-quote-container-], .forum-post-header, .post-footer, .signature"
        """)
}

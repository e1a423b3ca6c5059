extension Engine {
    /// Talkyard: the page (`div.dw-page`, its article `.dw-ar-p`) is the opening post and each
    /// `.dw-t` of the `ol.dw-res` reply lists a reply, nested as the threads are; the full name or
    /// username in the post header, `.esP_H_At` times, `#post-N` ids. Checked against the real
    /// page ../shared/data/forums-dev/talkyard-en-1.html; no corpus page yet.
    static let talkyard = Engine("talkyard", yaml: """
        name: Talkyard
        match:
          page: "div.dw-page div.dw-ar-t div.dw-ar-p[id^=post-], div.dw-page ol.dw-res .dw-t div.dw-p[id^=post-]"
        post: "div.dw-page, div.dw-page ol.dw-res .dw-t"
        author: ".dw-p-hd .esP_By_F, .dw-p-hd .esP_By_U"
        date: ".dw-p-hd .esP_H_At"
        body: ".dw-ar-p .dw-p-bd, ol.dw-res .dw-p-bd"
        quote: blockquote
        permalink: "div.dw-ar-p[id^=post-], ol.dw-res div.dw-p[id^=post-]"
        """)
}

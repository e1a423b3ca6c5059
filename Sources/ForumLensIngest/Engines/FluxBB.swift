extension Engine {
    /// FluxBB and PunBB 1.2: `div.blockpost#pNNN`, the author in `div.postleft dt`, the date as
    /// the permalink text in the post's `h2`, the first `div.postmsg` (the signature is also a
    /// `postmsg`, later), `div.quotebox` (FluxBB) and `blockquote` (PunBB) quotes. Checked
    /// against corpora/fr/fluxbb-benevolat.html.
    static let fluxBB = Engine("fluxbb", yaml: """
        name: FluxBB
        match:
          page: "div.pun div.blockpost[id^=p] div.postleft dt"
        post: "div.blockpost[id^=p]"
        author: "div.postleft dt"
        date: "h2 a"
        body: "div.postright div.postmsg"
        quote: "div.quotebox, blockquote"
        signature: "div.postsignature"
        """)
}

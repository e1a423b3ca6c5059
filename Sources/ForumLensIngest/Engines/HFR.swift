extension Engine {
    /// forum.hardware.fr (HFR), a custom engine of message tables: `table.messagetable
    /// tr.message` rows, the pseudo in `td.messCase1 b.s2`, "Posté le …" in the toolbar, the text
    /// in `div#paraNNN` (the "Publicité" rows have none), `table.citation` quotes with their
    /// "X a écrit :" line, `span.signature` and the `div.edited` footer left out, the `#tNNN`
    /// anchor as the id. Checked against the real pages ../shared/data/forums-dev/hfr-fr-1.html
    /// (a topic) and hfr-fr-2.html (a private conversation); no corpus page yet.
    static let hfr = Engine("hfr", yaml: """
        name: forum.hardware.fr
        match:
          url: ["https://forum.hardware.fr/*", "http://forum.hardware.fr/*"]
          page: "table.messagetable tr.message td.messCase1"
        post: "table.messagetable tr.message"
        author: "td.messCase1 b.s2"
        date: "td.messCase2 div.toolbar div.left"
        body: "td.messCase2 > div[id^=para]"
        quote: "table.citation, table.oldcitation, table.quote"
        signature: "span.signature, div.edited"
        permalink: "td.messCase1 a[href^='#t']"
        """)
}

extension Engine {
    /// vBulletin 3: `table#postNNN.tborder`, the date in the first `td.thead`, `a.bigusername`,
    /// `div#post_message_NNN`; quotes have no class, only the inline style of the stock
    /// template (`margin-top:5px;`, which code blocks write without the `;`). Checked against
    /// corpora/fr/vbulletin-reconversion.html.
    static let vBulletin3 = Engine("vbulletin3", yaml: """
        name: vBulletin 3
        match:
          generator: ["vbulletin 3"]
          page: "table.tborder[id^=post] div[id^=post_message_]"
        post: "table.tborder[id^=post]"
        author: "a.bigusername"
        date: "td.thead"
        body: "div[id^=post_message_]"
        quote: "div[id^=post_message_] div[style*=\\"margin-top:5px;\\"]"
        """)
}

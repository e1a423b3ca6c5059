extension Engine {
    /// Forumactif / Forumotion, hosted phpBB 2-like forums (subSilver theme): `tr.post#pNNN`
    /// rows (the "Contenu sponsorisé" row has no id), `span.name`, the date in the first
    /// `span.postdetails` of its cell (not the poster's "Date d'inscription"), `div.postbody`,
    /// `div.signature_div`; the anonymous `dl.codebox` "Citation :" is read as a quote by its
    /// label. Checked against corpora/fr/forumactif-emploi.html.
    static let forumactif = Engine("forumactif", yaml: """
        name: Forumactif
        match:
          page: "table.forumline tr.post[id^=p] td span.name"
        post: "tr.post[id^=p]"
        author: "span.name"
        date: "span.postdetails:first-child"
        body: "div.postbody"
        quote: "blockquote"
        signature: "div.signature_div"
        """)
}

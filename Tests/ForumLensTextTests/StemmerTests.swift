import Testing
@testable import ForumLensText

/// The forms of one word meet at one stem; different words stay apart.
@Suite struct StemmerTests {
    @Test(arguments: [
        ("fr", ["priorité", "priorités", "prioriser", "prioritaire"]),
        ("fr", ["réseau", "réseaux"]),
        ("fr", ["recommandation", "recommandations", "recommander", "recommandé", "recommandez"]),
        ("fr", ["objectif", "objectifs"]),
        ("fr", ["l'image", "image", "images"]),
        ("fr", ["rencontrer", "rencontrez", "rencontre", "rencontres"]),
        ("fr", ["apprendre", "apprends"]),
        ("en", ["meeting", "meetings", "meet"]),
        ("en", ["recommendation", "recommendations", "recommended", "recommend"]),
        ("en", ["priority", "priorities", "prioritize"]),
        ("en", ["goal", "goals"]),
    ])
    func formsOfOneWordMeet(language: String, forms: [String]) {
        let stems = Set(forms.map { Stemmer.stem($0, language: language) })
        #expect(stems.count == 1, "\(forms) → \(stems)")
    }

    @Test func differentWordsStayApart() {
        #expect(Stemmer.stem("business", language: "en") != Stemmer.stem("busy", language: "en"))
        #expect(Stemmer.stem("status", language: "en") == "status")
        #expect(Stemmer.stem("salon", language: "fr") != Stemmer.stem("salaire", language: "fr"))
        #expect(Stemmer.stem("blog", language: "fr") == "blog")
    }
}

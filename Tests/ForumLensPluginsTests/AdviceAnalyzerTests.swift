import ForumLensCore
import ForumLensRules
import ForumLensText
import Testing
@testable import ForumLensAnalysis
@testable import ForumLensPlugins

/// The advice analyzer: what is advice and what is not, its themes, the taxonomy file, and the
/// summaries (themes ranked, discovered themes).
@Suite struct AdviceAnalyzerTests {
    static func result(_ text: String, _ language: String, _ analyzer: AdviceAnalyzer = AdviceAnalyzer()) throws -> JSONValue {
        let pipeline = try AnalyzerPipeline([SentimentAnalyzer(), analyzer])
        let analysis = pipeline.analyze(Discussion(id: "d", language: language, messages: [Message(id: "m", position: 1, text: text)]))
        return try #require(analysis.results[0].first { $0.id == "advice" }?.value)
    }

    static func forms(_ text: String, _ language: String) throws -> [String] {
        guard case let .array(items)? = try result(text, language)["items"] else { return [] }
        return items.compactMap { if case let .string(form)? = $0["form"] { form } else { nil } }
    }

    @Test(arguments: [
        ("fr", "Je te conseille de relancer au bout d'une semaine.", "recommendation"),
        ("fr", "Il ne faut pas tout miser sur les jobboards.", "obligation"),
        ("fr", "Fixez-vous des objectifs clairs.", "imperative"),
        ("fr", "Ne perds pas ton temps sur Viadeo.", "imperative"),
        ("fr", "Si tu as le temps, fais un blog.", "imperative"),
        ("fr", "Et si tu allais aux afterworks de ta région ?", "question"),
        ("fr", "Se démarquer par ses compétences.", "infinitive"),
        ("fr", "Rien ne vaut une rencontre en vrai.", "general"),
        ("en", "You should ask your former manager for a referral.", "recommendation"),
        ("en", "Ask for a room on the top floor.", "imperative"),
        ("en", "Don't book the breakfast, the café next door is better.", "imperative"),
        ("en", "It would be nice if the app let us export our notes.", "suggestion"),
        ("en", "Why not try a coworking space once a week?", "question"),
        ("en", "Considering how noisy the square is, why not stay further away?", "question"),
    ])
    func findsAdviceInEachForm(language: String, text: String, form: String) throws {
        #expect(try Self.forms(text, language) == [form], "\(text)")
    }

    @Test(arguments: [
        ("fr", "Vous faites comment pour choisir vos réseaux ?"),
        ("fr", "On me répète partout qu'il faut être présent sur les réseaux."),
        ("fr", "Il faut douze clics pour sortir une facture, c'est absurde."),
        ("fr", "Il faut que je mette à jour mon profil ce week-end."),
        ("fr", "Ça me bloque. Il faut alors que je m'encourage pour reprendre."),
        ("fr", "N'hésitez pas à me contacter en MP."),
        ("fr", "J'ai envoyé quarante candidatures le mois dernier."),
        ("fr", "Des recommandations du genre \"super collègue, je recommande\" ne valent rien."),
        ("fr", "Regardez ce que j'ai trouvé :"),
        ("en", "My advisor told me to be on every network."),
        ("en", "How many networks should I be on?"),
        ("en", "I need to update my CV this weekend."),
        ("en", "Thanks in advance, let me know."),
        ("en", "We stayed four nights and the room was clean."),
        ("en", "So how deep can we go?"),
        ("fr", "Et comment tu connais ce site ?"),
    ])
    func leavesWhatIsNotAdvice(language: String, text: String) throws {
        #expect(try Self.forms(text, language) == [], "\(text)")
    }

    @Test func itemsCarryTheirThemesAndOffsets() throws {
        let text = "Bonjour. Mon conseil : se fixer des priorités, et aller aux salons pour rencontrer les gens en vrai."
        let result = try Self.result(text, "fr")
        #expect(result["themes"] == .array([.string("in-person"), .string("priorities")]), "\(result)")
        guard case let .array(items)? = result["items"], case let .number(start)? = items.first?["start"],
              case let .number(end)? = items.first?["end"] else { Issue.record("\(result)"); return }
        let scalars = Array(text.unicodeScalars)[Int(start) ..< Int(end)]
        #expect(String(String.UnicodeScalarView(scalars)).hasPrefix("Mon conseil : se fixer"))
    }

    /// A taxonomy file replaces the default themes; its errors name the file and the line.
    @Test func aTaxonomyFileReplacesTheThemes() throws {
        let custom = try AdviceTaxonomy(text: """
            id: cooking
            themes:
              seasoning:
                label: {fr: Assaisonner, en: Season}
                fr: [sel, poivre, épices]
                en: [salt, pepper, spice]
            """, path: "cooking.yml")
        #expect(custom.themes(of: AdviceTaxonomy.stems("Mets plus de sel et d'épices", language: "fr"), language: "fr") == ["seasoning"])
        #expect(custom.label(of: "seasoning", language: "en") == "Season")
        for (text, message) in [
            ("id: x\nthemes:\n  a:\n    labl: A\n    fr: [b]\n", "cooking.yml:4: unknown key 'labl' in theme 'a'; did you mean 'label'?"),
            ("id: x\nthemes:\n  a:\n    label: A\n", "cooking.yml:3: theme 'a' has no words (fr or en)"),
            ("id: x\n", "cooking.yml:1: 'themes' is missing"),
        ] {
            #expect(throws: RuleFileError.self) { try AdviceTaxonomy(text: text, path: "cooking.yml") }
            do {
                _ = try AdviceTaxonomy(text: text, path: "cooking.yml")
            } catch {
                #expect(error.description.hasPrefix(message), "\(error.description)")
            }
        }
        // The default taxonomy is a valid rule file with every theme in both languages.
        let defaults = try AdviceTaxonomy(text: AdviceTaxonomy.defaultText, path: "default")
        #expect(defaults.themes.count == 13 && defaults.themes.allSatisfy { $0.terms["fr"] != nil && $0.terms["en"] != nil })
    }

    /// Themes ranked with their authors and best quotes; advice of no theme grouped under the
    /// phrases it shares, labelled by neither an advice word nor a function word.
    @Test func summariesRankThemesAndDiscoverTheRest() throws {
        let messages = [
            Message(id: "a", position: 1, author: "Karine", text: "Mon conseil : se fixer des priorités. Et va aux salons."),
            Message(id: "b", position: 2, author: "Marco", text: "Il faut aller aux afterworks. Garde tous tes justificatifs de transport."),
            Message(id: "c", position: 3, author: "Nathalie", text: "Demande le formulaire et garde bien les justificatifs."),
        ]
        let pipeline = try AnalyzerPipeline([SentimentAnalyzer(), AdviceAnalyzer()])
        let summary = try #require(pipeline.analyze(Discussion(id: "d", language: "fr", messages: messages)).summary["advice"])
        let themes = summary.groups(of: "themes")
        #expect(themes.map(\.key) == ["in-person", "priorities"], "\(themes)")
        #expect(themes[0].count == 2 && themes[0].authors == ["Karine", "Marco"])
        #expect(themes[0].label == "Rencontrer les gens en vrai")
        let discovered = summary.groups(of: "discovered themes")
        #expect(discovered.map(\.label) == ["justificatifs"], "\(discovered)")
        #expect(discovered.first?.quotes.map(\.message) == ["b", "c"])
        #expect(discovered.allSatisfy { !AdviceDiscovery.french.contains($0.label) })
    }
}

import ForumLensCore
import ForumLensIngest
import ForumLensText
import Testing
@testable import ForumLensAnalysis
@testable import ForumLensPlugins

/// The sentiment analyzer's rules, each against the same sentence without it, and its evidence.
@Suite struct SentimentAnalyzerTests {
    static func result(_ text: String, _ language: String) -> JSONValue {
        SentimentAnalyzer().analyze(AnalyzerInput(message: Message(id: "m", position: 1, text: text), text: TextLayer(text), language: language, results: [:]))
    }

    static func score(_ text: String, _ language: String) -> Double {
        guard case let .number(score)? = result(text, language)["score"] else { return .nan }
        return score
    }

    @Test(arguments: [
        // Negation turns a word, a phrase reads as a whole.
        ("fr", "C'est bien.", "Ce n'est pas bien.", true),
        ("fr", "C'est terrible.", "Ce n'est pas terrible.", false),
        ("en", "It is good.", "It is not good.", true),
        ("en", "It is bad.", "It is not bad.", true),
    ])
    func negationTurnsTheScore(language: String, plain: String, negated: String, turns: Bool) {
        let before = Self.score(plain, language), after = Self.score(negated, language)
        if turns { #expect(before.sign != after.sign && after != 0, "\(before) → \(after)") }
        #expect(Self.score("Ce n'est pas terrible.", "fr") < 0 && Self.score("C'est pas mal du tout.", "fr") > 0)
    }

    @Test(arguments: [
        ("fr", "C'est bien.", "C'est très bien."), ("fr", "C'est nul.", "C'est vraiment nul."),
        ("en", "It is good.", "It is really good."), ("en", "It is great.", "It is GREAT."),
        ("en", "It is great.", "It is great!!!"), ("en", "It is good.", "It is soooo good."),
    ])
    func boostersCapitalsAndExclamationsStrengthen(language: String, plain: String, stronger: String) {
        #expect(abs(Self.score(stronger, language)) > abs(Self.score(plain, language)))
    }

    @Test(arguments: [
        ("fr", "C'est cher.", "C'est un peu cher."), ("en", "It is good.", "It is kind of good."),
        ("en", "It is good.", "Is it good?"),
    ])
    func dampenersAndQuestionsWeaken(language: String, plain: String, weaker: String) {
        #expect(abs(Self.score(weaker, language)) < abs(Self.score(plain, language)))
    }

    @Test func theClauseAfterAContrastWeighsMore() {
        #expect(Self.score("Le site est joli mais lent et inutile.", "fr") < 0)
        #expect(Self.score("Le site est lent mais vraiment génial.", "fr") > 0)
        #expect(Self.score("It is slow. But the people are wonderful.", "en") > 0)
    }

    @Test func theClauseAConcessionOpensWeighsLess() {
        #expect(Self.score("Although the story is dull, the acting is wonderful.", "en") > 0)
        #expect(Self.score("The acting is wonderful, although the story is really dull and bad.", "en") > 0)
        #expect(Self.score("Malgré un accueil sympa, le service est lent et nul.", "fr") < 0)
        // Closing a sentence, "though" opens no clause.
        #expect(Self.result("Good film though.", "en")["evidence"] == [["text": "Good", "start": 0, "end": 4, "valence": 1.9, "rules": []]])
    }

    /// Negation turns blame into faint praise only: « pas nul » is less good than « nul » is bad.
    @Test func aNegatedNegativeWordIsFaintPraise() {
        #expect(Self.score("It is not bad.", "en") > 0 && Self.score("It doesn't suck.", "en") < -Self.score("It sucks.", "en"))
        #expect(Self.score("Ce n'est pas nul.", "fr") < -Self.score("C'est nul.", "fr"))
        #expect(Self.score("It is not good.", "en") < 0)
    }

    /// French capitalizes names, not stress: « France », « Les Verts » carry no valence inside a
    /// sentence, but the same word opening one, or in a shouted message, still counts.
    @Test func aCapitalizedWordInsideAFrenchSentenceIsAName() {
        #expect(Self.score("Rencontre avec les Amis de la Terre.", "fr") == 0)
        #expect(Self.score("Rencontre avec les amis de la Terre.", "fr") > 0)
        #expect(Self.score("Super réunion ce soir.", "fr") > 0)
        #expect(Self.score("Sur France 2, les éoliennes en question.", "fr") == 0)
        #expect(Self.score("This film is Great.", "en") > 0)
        // A tweet's mentions and hashtags come before its sentence, not inside it.
        #expect(Self.score("@user Excellente journée", "fr") > 0)
        #expect(Self.score("#Energie Excellente journée", "fr") > 0)
        #expect(Self.score("Merci @user Excellente", "fr") == Self.score("Merci @user Machin", "fr"))
    }

    /// Reviews' verdicts that a word-by-word reading misses or reads backwards.
    @Test(arguments: [
        ("Un film à voir absolument.", "fr", 1), ("Quel navet !", "fr", -1), ("Un chef-d'œuvre.", "fr", 1),
        ("Ça ne vaut pas le coup.", "fr", -1), ("Ça vaut le détour.", "fr", 1), ("Le service laisse à désirer.", "fr", -1),
        ("Trop cher pour ce que c'est.", "fr", -1), ("J'ai adoré.", "fr", 1), ("Je le déteste.", "fr", -1),
        ("A must see.", "en", 1), ("The service leaves a lot to be desired.", "en", -1), ("What a rip-off.", "en", -1),
        ("It fell flat.", "en", -1), ("A real gem.", "en", 1), ("Overrated.", "en", -1),
        ("It could have been better.", "en", -1), ("Ça aurait pu être mieux.", "fr", -1), ("Rien de spécial.", "fr", -1),
        // Emoji whose description's words said nothing or the opposite ("thumbs up", "broken heart").
        ("Le match 👍", "fr", 1), ("The update 🙄", "en", -1), ("Ce soir 💔", "fr", -1), ("New album 🔥", "en", 1), ("Ce soir xD", "fr", 1),
        ("Merci ^^", "fr", 1), ("Encore en retard -_-", "fr", -1),
    ])
    func reviewVerdicts(_ text: String, _ language: String, _ sign: Double) {
        #expect(Self.score(text, language) * sign >= 0.2, "\(text)")
    }

    /// Contrasts of several words split a sentence as "but" does, and their words say nothing.
    @Test func contrastsOfSeveralWords() {
        #expect(Self.score("Le décor est joli, par contre l'histoire est ennuyeuse.", "fr") < 0)
        #expect(Self.score("Le décor est joli. En revanche, l'histoire est ennuyeuse.", "fr") < 0)
        #expect(Self.score("The setting is nice. On the other hand, the story is boring.", "en") < 0)
        #expect(Self.result("On the other hand, fine.", "en")["evidence"] == [["text": "fine", "start": 19, "end": 23, "valence": 1.2, "rules": ["after contrast: on the other hand"]]])
    }

    /// Praise wished for is not given; an emoticon in the same clause still says how the writer feels.
    @Test func irrealisTakesWordsNotEmoticons() {
        #expect(Self.score("It should have been a great film.", "en") == 0)
        #expect(Self.score("If you come, come :)", "en") > 0)
    }

    /// "Like" that compares, "well" that adds, "mean" that fills say nothing.
    @Test func comparisonsAndFillersSayNothing() {
        #expect(Self.score("It looks like a disaster.", "en") == Self.score("It looks for a disaster.", "en"))
        #expect(Self.score("It took like 5 hours.", "en") == 0)
        #expect(Self.score("I like it.", "en") > 0)
        #expect(Self.score("The cast is good as well.", "en") == Self.score("The cast is good as Tom.", "en"))
        #expect(Self.score("I mean, it works.", "en") == 0 && Self.score("It is mean.", "en") < 0)
    }

    /// A swear word before a sentiment word says how much; alone, it curses.
    @Test func swearWordsBoost() {
        #expect(Self.score("This looks pretty damn good.", "en") > Self.score("This looks pretty good.", "en"))
        #expect(Self.score("A bloody amazing house.", "en") > 0 && Self.score("Damn!", "en") < 0)
    }

    /// A generated feminine is the adjective's own (bas → basse), not another word (« base »).
    @Test func feminineFormsAreTheAdjectives() {
        #expect(Self.score("La base de données est en ligne.", "fr") == 0)
        // Nor is a noun a participle typed without its accent (« recherche », not recherché).
        #expect(Self.score("La recherche et le beurre.", "fr") == 0)
    }

    /// Common words the sources miss or dilute (fr-common.tsv) count as VADER counts their
    /// translation, with their forms and without their accents.
    @Test func commonFrenchWordsCount() {
        #expect(SentimentLexicon.french.words[WordKey("joie")] == 2.8)
        #expect(SentimentLexicon.french.words[WordKey("joies")] == 2.8)
        #expect(SentimentLexicon.french.words[WordKey("stupides")] == -2.4)
        #expect(SentimentLexicon.french.words[WordKey("misere")] == -2.7)
        #expect(Self.score("Quel cauchemar, cette mise à jour.", "fr") < -0.3)
        #expect(Self.score("Une réponse pertinente et un conseil exceptionnel.", "fr") > 0.5)
        // Verbs count conjugated, as in their infinitive.
        #expect(Self.score("Ils adorent LinkedIn, ils détestaient Viadeo.", "fr") != 0)
        #expect(Self.score("Ils adorent LinkedIn.", "fr") > 0.3)
        // Nor do mistranslations give neutral words a valence (concerned → « concerne »).
        #expect(Self.score("Ce sujet concerne les demandeurs d'emploi.", "fr") == 0)
        guard case let .array(evidence)? = Self.result("En ce qui concerne la finale de la coupe du monde, il fit beau.", "fr")["evidence"] else {
            Issue.record("no evidence")
            return
        }
        #expect(evidence.map { $0["text"] } == [.string("beau")])
    }

    /// « J'ai l'impression que » hedges; it does not praise (vader_FR has impression at 1.9).
    @Test func anImpressionIsAHedge() {
        #expect(Self.score("J'ai l'impression que LinkedIn est une perte de temps.", "fr") < -0.05)
    }

    /// « pas cher » is cheap, a good deal; « trop cher » too dear.
    @Test func pasCherIsCheap() {
        #expect(Self.score("Ce n'est pas cher.", "fr") > 0.05)
        #expect(Self.score("C'est trop cher.", "fr") < -0.05)
    }

    /// Spoken French: « grave » says how much before a sentiment word, « de ouf » praises, « se
    /// marrer » is fun where « en avoir marre » is not, « tenir la route » holds up.
    @Test func spokenFrench() {
        #expect(Self.score("C'est grave bien ce truc.", "fr") > 0.05)
        #expect(Self.score("C'est grave.", "fr") < -0.05)
        #expect(Self.score("Un film de ouf !", "fr") > 0.05)
        #expect(Self.score("On s'est bien marré.", "fr") > 0.05)
        #expect(Self.score("J'en ai marre.", "fr") < -0.05)
        #expect(Self.score("Ça m'a saoulé.", "fr") < -0.05)
        #expect(Self.score("Le scénario tient la route.", "fr") > 0.05)
        #expect(Self.score("Le scénario ne tient pas la route.", "fr") < -0.05)
        #expect(Self.score("C'est pas glop.", "fr") < -0.05)
        // « Attention » warns or asks for heed: no praise.
        #expect(abs(Self.score("Fais attention en traversant.", "fr")) < 0.05)
        // As texted.
        #expect(Self.score("mrc beaucoup", "fr") > 0.05)
        #expect(Self.score("c tro bien", "fr") > 0.3)
        #expect(Self.score("ça me gave", "fr") < -0.05)
        #expect(Self.score("vrmt nul", "fr") < Self.score("nul", "fr"))
    }

    /// A phrase in a negation's scope turns as a word does; one that holds its negator does not.
    @Test func negatedPhrases() {
        #expect(Self.score("Je ne suis pas d'accord.", "fr") < -0.05)
        #expect(Self.score("Je suis d'accord.", "fr") > 0.05)
        #expect(Self.score("It did not meet my expectations.", "en") < -0.05)
        #expect(Self.score("I would not buy it again.", "en") < -0.05)
        #expect(Self.score("I would buy it again.", "en") > 0.05)
        #expect(Self.score("Not bad at all.", "en") > 0.05)
        // The scope ends inside the phrase: it still governs it.
        #expect(Self.score("Ce n'est pas du tout une perte de temps.", "fr") > 0.05)
    }

    /// Negations the subject makes (« personne ne »), denials by distance ("the opposite of",
    /// "anything but") and comparisons that praise (« rien ne vaut », "nothing beats").
    @Test func subjectNegationsDenialsAndUnequalled() {
        for (text, language) in [("Personne ne m'aide.", "fr"), ("Nul ne peut t'aider.", "fr"), ("The service was anything but friendly.", "en")] {
            #expect(Self.score(text, language) < -0.05, "\(text)")
        }
        for (text, language) in [
            ("Rien ne vaut une bonne discussion.", "fr"), ("Rien de tel qu'un bon café.", "fr"), ("Nothing beats a good coffee.", "en"),
            ("Ça a été tout le contraire d'une perte de temps.", "fr"), ("It was the opposite of a waste of time.", "en"),
            ("Ça m'a évité de déprimer.", "fr"), ("Rien ne t'oblige à la mettre.", "fr"),
        ] {
            #expect(Self.score(text, language) > 0.05, "\(text)")
        }
        // « Au contraire » is a contrast, not a denial.
        #expect(Self.score("Au contraire, c'est génial.", "fr") > 0.3)
    }

    /// Product reviews' verdicts that no word of them says alone.
    @Test func productReviewVerdicts() {
        for text in ["Save your money.", "Stopped working after a week.", "Fell apart after two days.", "One star.", "I want my money back."] {
            #expect(Self.score(text, "en") < -0.05, "\(text)")
        }
        for text in ["Does the job.", "Works as advertised.", "Exceeded my expectations.", "Five stars.", "A must-have."] {
            #expect(Self.score(text, "en") > 0.05, "\(text)")
        }
    }

    /// French reviews' verdicts, and their negations.
    @Test func frenchReviewVerdicts() {
        for text in ["Passez votre chemin.", "Ne fonctionne plus après deux jours.", "Produit pas conforme à la description.",
                     "Je ne rachèterai pas.", "Scénario cousu de fil blanc.", "Ça ne casse pas trois pattes à un canard."] {
            #expect(Self.score(text, "fr") < -0.05, "\(text)")
        }
        for text in ["Produit conforme à la description.", "Cela fait le job.", "Je rachèterai.", "Un vrai coup de cœur.",
                     "On ne voit pas le temps passer.", "Ça marche pas mal."] {
            #expect(Self.score(text, "fr") > 0.05, "\(text)")
        }
    }

    /// Abbreviations and slang of one sense.
    @Test func englishAsTexted() {
        #expect(Self.score("tysm!", "en") > 0.05)
        #expect(Self.score("hats off to the team", "en") > 0.05)
        #expect(Self.score("fml", "en") < -0.05)
        #expect(Self.score("so cringe", "en") < -0.05)
    }

    /// « pas mal de » is a quantity, « pas mal » praise.
    @Test func pasMalDeIsAQuantity() {
        #expect(Self.score("Il y a pas mal de monde.", "fr") == 0)
        #expect(Self.score("C'est pas mal du tout.", "fr") > 0)
    }

    /// « drôle de » says odd, not funny.
    @Test func droleDeIsOdd() {
        #expect(Self.score("Un film drôle.", "fr") > 0)
        #expect(Self.score("Drôle de conception du débat.", "fr") < 0)
        #expect(Self.score("Une drôle d'idée.", "fr") < 0)
    }

    /// Twenty mildly positive sentences score about as their sentences do, not +1.
    @Test func longPostsDoNotSaturate() {
        let one = Self.score("Le conseil est utile.", "fr")
        let long = Self.score(Array(repeating: "Le conseil est utile.", count: 20).joined(separator: " "), "fr")
        #expect(one > 0 && long > one && long < 0.95, "\(one) \(long)")
    }

    /// Evidence: the words that moved the score, at their offsets in the message's own text.
    @Test func evidencePointsIntoTheMessage() throws {
        let text = "Franchement\u{200B}, c’est vraiment génial… mais c’est chronophage !"
        guard case let .array(evidence)? = Self.result(text, "fr")["evidence"] else { throw Failure.noEvidence }
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        for item in evidence {
            guard case let .number(start)? = item["start"], case let .number(end)? = item["end"], case let .string(word)? = item["text"] else { continue }
            #expect(String(String.UnicodeScalarView(scalars[Int(start) ..< Int(end)])) == word)
            words.append(word)
        }
        #expect(words == ["génial", "chronophage"])
        // Boosted twice; and the sentence after "… mais" outweighs it.
        #expect(evidence[0]["rules"] == ["booster: vraiment", "booster: franchement", "before contrast: mais"])
        #expect(evidence[1]["rules"] == ["after contrast: mais"])
    }

    /// Messages with no sentiment word are neutral with a score of 0, and say so with no evidence.
    @Test func plainFactsAreNeutral() {
        #expect(Self.result("Je suis inscrit sur Viadeo depuis 2009.", "fr")["label"] == "neutral")
        #expect(Self.result("Je suis inscrit sur Viadeo depuis 2009.", "fr")["evidence"] == .array([]))
    }

    /// The lexicons load once, in milliseconds, and hold the entries the converter wrote.
    @Test func lexiconsHoldTheirEntries() {
        #expect(SentimentLexicon.french.words[WordKey("chronophage")] == -1.8)
        #expect(SentimentLexicon.french.phrases[WordKey("pas")]?.contains { $0.keys == [WordKey("pas"), WordKey("mal")] } == true)
        #expect(SentimentLexicon.english.words[WordKey("good")] == 1.9)
        #expect(SentimentLexicon.symbols.words[WordKey(":)")] == 2)
    }

    /// Per discussion and per author: labels, the score sum, the most positive and negative
    /// messages by id, and the trend per month; two half runs add up to the whole.
    @Test func summariesNameTheExtremesAndTheTrend() throws {
        let messages = [
            Message(id: "a", position: 1, author: "Eogez", published: "2010-04-30T10:00:00", text: "C'est chronophage et nul."),
            Message(id: "b", position: 2, author: "Carole", published: "2010-04-30T11:00:00", text: "Vos conseils sont géniaux, merci !"),
            Message(id: "c", position: 3, author: "Eogez", published: "2010-05-02T09:00:00", text: "Je suis inscrit sur Viadeo."),
        ]
        let pipeline = try AnalyzerPipeline([SentimentAnalyzer()])
        let whole = pipeline.analyze(Discussion(id: "d", language: "fr", messages: messages))
        let summary = try #require(whole.summary["sentiment"])
        #expect(summary["positive"] == 1 && summary["negative"] == 1 && summary["neutral"] == 1)
        #expect(summary["2010-04 messages"] == 2 && summary["2010-05 messages"] == 1)
        #expect(summary.extremes.map(\.name) == ["most positive", "most negative"])
        #expect(summary.extremes.map(\.message) == ["b", "a"])
        var halves = pipeline.analyze(Discussion(id: "d", language: "fr", messages: Array(messages[..<1]))).summary
        halves.add(pipeline.analyze(Discussion(id: "d", language: "fr", messages: Array(messages[1...]))).summary)
        #expect(halves["sentiment"]?.extremes == summary.extremes)
        #expect(abs((halves["sentiment"]?["score sum"] ?? 0) - summary["score sum"]) < 1e-9)
    }

    /// The report names the lexicons by the digest of what the analyzer reads.
    @Test func resourcesAreTheDigestsOfTheLexicons() {
        let resources = Dictionary(uniqueKeysWithValues: SentimentAnalyzer().descriptor.resources.map { ($0.name, $0.digest) })
        #expect(resources["lexicon.fr"] == "sha256:" + SHA256.hex(Array(SentimentLexicon.frenchData.utf8)))
        #expect(resources["lexicon.en"] == "sha256:" + SHA256.hex(Array(SentimentLexicon.englishData.utf8)))
        #expect(resources["lexicon.symbols"] == "sha256:" + SHA256.hex(Array(SentimentLexicon.symbolsData.utf8)))
    }

    enum Failure: Error { case noEvidence }
}

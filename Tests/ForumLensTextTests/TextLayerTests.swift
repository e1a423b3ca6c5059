import Testing
@testable import ForumLensText

@Suite struct NormalizedTextTests {
    @Test func offsetsPointIntoTheOriginalText() {
        // A zero-width space inside a name, a typographic apostrophe, a decomposed é (e + ◌́).
        let original = "Ca\u{200B}role a dit\u{00A0}: c\u{2019}est cre\u{0301}e\u{0301}"
        let text = NormalizedText(original)
        #expect(String(String.UnicodeScalarView(text.scalars)) == "Carole a dit : c'est créé")
        // "créé" in the normalized text is at 21..<25; in the original it spans the combining marks.
        let range = text.originalRange(21 ..< 25)
        let scalars = Array(original.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range])) == "cre\u{0301}e\u{0301}")
        #expect(text.originalRange(0 ..< 6) == 0 ..< 7, "Carole spans the zero-width space")
    }

    /// Plain ASCII takes a shorter way; it must come out as the general one would make it.
    @Test func plainASCIIComesOutAsTheGeneralWay() {
        let plain = "It's not so bad :) see http://x.org, 2h30!"
        let ascii = NormalizedText(plain), general = NormalizedText(plain + "\u{200B}")
        // (The general text has one scalar more, dropped: only its end offset differs.)
        #expect(ascii.scalars == general.scalars && ascii.originalOffsets.dropLast() == general.originalOffsets.dropLast())
        #expect(ascii.scalars == Array(plain.unicodeScalars) && ascii.originalOffsets == Array(0 ... plain.count))
        // A backtick is an apostrophe: not plain.
        #expect(String(String.UnicodeScalarView(NormalizedText("don`t").scalars)) == "don't")
    }

    /// Tweets and some exports leave HTML escapes in plain text: read as their character, its
    /// offsets spanning the whole escape.
    @Test func htmlEscapesAreTheirCharacter() {
        let text = NormalizedText("a &gt;:[ &amp;amp; &copy;")
        #expect(String(String.UnicodeScalarView(text.scalars)) == "a >:[ &amp; &copy;")
        #expect(text.originalRange(2 ..< 3) == 2 ..< 6)
        #expect(text.originalRange(6 ..< 7) == 9 ..< 14)
    }
}

@Suite struct TokenizerTests {
    private func tokens(_ text: String) -> [String] { Tokenizer.tokens(NormalizedText(text)).map(\.lowercased) }
    private func kinds(_ text: String) -> [Token.Kind] { Tokenizer.tokens(NormalizedText(text)).map(\.kind) }

    @Test func splitsFrenchElisionsAndKeepsHyphenatedWords() {
        #expect(tokens("L'ami qu'il voit jusqu'à aujourd'hui, c'est peut-être le week-end.")
            == ["l'", "ami", "qu'", "il", "voit", "jusqu'", "à", "aujourd'hui", ",", "c'", "est", "peut-être", "le", "week-end", "."])
        #expect(tokens("Je n\u{2019}y crois pas") == ["je", "n'", "y", "crois", "pas"])
    }

    /// Lowercased as `String.lowercased()` does, with a key equal to the lowercase word's.
    @Test func lowercasesAnyScriptAndKeysTheResult() {
        let words = ["ÉCOLE", "İstanbul", "ÀÇÉÈÊËÎÏÔÙÛÜŸ", "ΩMEGA", "ДОМ", "Straße", "A"]
        let found = Tokenizer.tokens(NormalizedText(words.joined(separator: " ")))
        #expect(found.map(\.lowercased) == words.map { $0.lowercased() })
        #expect(found.map(\.key) == words.map { WordKey($0.lowercased()) })
    }

    @Test func splitsEnglishContractions() {
        #expect(tokens("I don't think it's worth it, can't say") == ["i", "do", "n't", "think", "it", "'s", "worth", "it", ",", "ca", "n't", "say"])
    }

    @Test func keepsNumbersWithTheirUnits() {
        #expect(tokens("1h30 par jour, 2h le soir, 3,5 ans, 50€ et 10% de 20min") == [
            "1h30", "par", "jour", ",", "2h", "le", "soir", ",", "3,5", "ans", ",", "50€", "et", "10%", "de", "20min",
        ])
        #expect(kinds("1h30 2h") == [.number, .number])
    }

    @Test func readsAddressesEmoticonsAndEmoji() {
        let text = "Voir https://www.linkedin.com/in/carole. ou écrire à carole.m@exemple.fr :) 👍🏽 👩‍💻 !!!"
        let found = Tokenizer.tokens(NormalizedText(text))
        #expect(found.map(\.kind) == [.word, .url, .punctuation, .word, .word, .word, .email, .emoticon, .emoji, .emoji, .punctuation])
        #expect(found[1].lowercased == "https://www.linkedin.com/in/carole")
        #expect(found[6].lowercased == "carole.m@exemple.fr")
        #expect(found[9].lowercased == "👩‍💻")
        #expect(found[10].lowercased == "!!!")
        // An emoticon stands apart from words: `http:` and `C:/` are none.
        #expect(!kinds("le lien http://x.fr").contains(.emoticon))
    }
}

@Suite struct SentencesTests {
    private func sentences(_ text: String) -> [String] {
        let layer = TextLayer(text)
        return layer.sentences.indices.map { layer.sentence($0).text }
    }

    @Test func knowsAbbreviations() {
        #expect(sentences("M. Dupont et Mme Martin sont venus, etc. et ils ont parlé. Ensuite ? Rien !")
            == ["M. Dupont et Mme Martin sont venus, etc. et ils ont parlé.", "Ensuite ?", "Rien !"])
        #expect(sentences("Use a list, e.g. LinkedIn, i.e. one network. Then stop.")
            == ["Use a list, e.g. LinkedIn, i.e. one network.", "Then stop."])
        #expect(sentences("Des réseaux, p. ex. Viadeo. Bof…") == ["Des réseaux, p. ex. Viadeo.", "Bof…"])
        // « no. » is "numéro" before a number only.
        #expect(sentences("Voir l'article no. 5 du contrat. Oh no. Run!") == ["Voir l'article no. 5 du contrat.", "Oh no.", "Run!"])
    }

    /// An ellipsis ends a sentence unless the next word is lowercase: a list trailing off into
    /// its clause, « les notifs... j'y passe », is one sentence.
    @Test func goesOnAfterAnEllipsisBeforeALowercaseWord() {
        #expect(sentences("Entre les profils, les notifs... j'y passe 2 heures. Bof… Et toi ?")
            == ["Entre les profils, les notifs... j'y passe 2 heures.", "Bof…", "Et toi ?"])
        #expect(sentences("Les groupes… ça prend du temps.") == ["Les groupes… ça prend du temps."])
    }

    @Test func endsAtAParagraphBreak() {
        #expect(sentences("Bonjour à tous\n\nJe cherche un emploi") == ["Bonjour à tous", "Je cherche un emploi"])
    }

    @Test func reportsSentencesInTheMessagesOffsets() {
        let layer = TextLayer("Oui.\u{200B} Très bien.")
        #expect(layer.sentence(1).range == 6 ..< 16)
    }
}

@Suite struct LanguageGuessTests {
    @Test(arguments: [
        ("Je ne sais pas sur combien de réseaux il faut laisser ses coordonnées, c'est chronophage.", "fr"),
        ("I don't know how many networks you should be on, it is a waste of time.", "en"),
        ("Ich weiß nicht, auf wie vielen Netzwerken man sein muss, das ist mir zu viel.", "de"),
        ("No sé en cuántas redes hay que estar, es una pérdida de tiempo para mí.", "es"),
        // Chinese, Japanese and Korean by their scripts: English words in them do not make them English.
        ("Ruby 的许多特性强烈地偏向对脚本语言的良好支持。比如 Ruby 非常好地普及了守护（guard）的使用，从而使得大量的 idiom 有了 one-liner", "zh"),
        ("机器人？", "zh"),
        ("このフォーラムは本当に便利です。", "ja"),
        ("이 포럼은 정말 유용합니다.", "ko"),
    ])
    func guessesTheLanguage(_ text: String, _ code: String) {
        let guess = TextLayer(text).language
        #expect(guess.code == code, "\(guess)")
        #expect(guess.confidence >= LanguageGuess.minimumConfidence, "\(guess)")
    }

    @Test func shortMessagesTakeTheFallback() {
        let guess = TextLayer("Merci !").language
        #expect(guess.confidence < LanguageGuess.minimumConfidence)
        #expect(guess.resolved(fallback: "fr") == "fr")
        #expect(TextLayer("👍").language.resolved(fallback: nil) == "und")
    }

    /// One function word said again and again (Italian's `ha`) proves little.
    @Test func aRepeatedWordIsOneClue() {
        #expect(TextLayer("@anonymous HA HA HA HA HA #hahahaha").language.confidence < LanguageGuess.minimumConfidence)
    }
}

@Suite struct NegationTests {
    /// The negated words of `text`.
    private func negated(_ text: String) -> [String] {
        let layer = TextLayer(text)
        return layer.tokens.indices.filter { layer.negated[$0] }.map { layer.tokens[$0].lowercased }
    }

    @Test(arguments: [
        ("Ce n'est pas génial mais ça marche", ["est", "génial"]),
        ("Je ne l'aime guère", ["l'", "aime"]),
        ("Pas de miracle pour l'instant.", ["de", "miracle", "pour", "l'", "instant"]),
        ("Je ne trouve rien d'intéressant", ["trouve", "d'", "intéressant"]),
        ("Un réseau sans intérêt, franchement", ["intérêt"]),
        ("Aucun retour depuis trois semaines", ["retour", "depuis", "trois", "semaines"]),
        ("Il y a plus de monde sur LinkedIn", []),
        ("It's not worth it but I like it", ["worth", "it"]),
        ("I don't like Viadeo.", ["like", "viadeo"]),
        ("Un film dépourvu d'humour.", ["d'", "humour"]),
        ("It lacks energy and fails to impress.", ["energy", "to", "impress"]),
        ("Nothing short of wonderful, and nothing but praise.", []),
        ("Ce n'est rien de moins qu'un chef-d'œuvre.", []),
        ("I haven't laughed this hard in years!", []),
        ("It is barely funny, and less patient about bad jokes", ["funny", "patient"]),
        ("I can't recommend it enough", []),
        ("Je n'ai pas autant ri depuis des années.", []),
        ("It is not that good in my opinion", ["that", "good", "in", "my"]),
        ("Never again, it was fine", ["again"]),
        ("It's not so bad, so I stayed", ["so", "bad"]),
        ("i dont like it and it isnt cheap", ["like", "it", "cheap"]),
        ("C'est un métier dont je rêvais", []),
        ("I don't care who wins the cup", ["care"]),
        ("It's not what I'd call fun", ["what", "i", "'d", "call", "fun"]),
        ("IM NOT THE LATTER LOL", ["the", "latter"]),
        ("I'm not the latter ahahah good", ["the", "latter"]),
        ("Can't wait to escape work", []),
        ("No matter how good it looks", []),
        ("No doubt it's great, not only funny but moving", []),
        ("C'est sans doute le meilleur, sans aucun doute", []),
        ("The least interesting film, at least it is short", ["interesting"]),
        ("Le Canada ne pourra respecter son engagement", ["pourra", "respecter", "son", "engagement"]),
        ("Je ne le peux croire", ["le", "peux", "croire"]),
        ("Je ne peux que recommander ce film", []),
        ("Un je ne sais quoi de charmant", []),
        ("Ce film n'est nullement drôle", ["est", "drôle"]),
        ("Far from perfect, far from being a hit, far from the beach", ["perfect", "a", "hit", "the", "beach"]),
        ("Il est loin d'être parfait", ["parfait"]),
        ("It falls short of being funny", ["funny"]),
        ("no idea my stomach is upset", []),
        ("Rien de spécial, rien à dire", ["de", "spécial"]),
        ("Il y a de plus en plus de monde", []),
        ("De plus c'est génial", []),
        ("C'est un pas dans la bonne direction, le premier pas", []),
        ("Un faux pas, pas grave", ["grave"]),
        ("Rien ne t'oblige à la mettre", ["t'", "oblige", "à", "la", "mettre"]),
        ("Personne ne m'aide, la personne ne répond pas", ["m'", "aide", "répond"]),
        ("Aucun recruteur ne m'a rappelé", ["recruteur", "ne", "m'", "a", "rappelé"]),
        ("Nul ne peut t'aider", ["peut", "t'", "aider"]),
        ("Rien ne vaut un bon café, rien ne le remplace", []),
        ("Rien de tel qu'un bon café, rien de mieux qu'une sieste", []),
        ("Nothing beats a good coffee, nothing better than a nap", []),
        ("Tout le contraire d'une perte de temps, au contraire", ["une", "perte"]),
        ("The opposite of a waste of time, anything but boring", ["a", "waste", "boring"]),
        ("Ça m'a évité de déprimer", ["déprimer"]),
    ])
    func scopes(_ text: String, _ expected: [String]) {
        #expect(negated(text) == expected, "\(text)")
    }
}

@Suite struct LaughterTests {
    @Test(arguments: ["haha", "hahahaha", "ahahah", "hehe", "hihi", "lol", "lool", "lolol", "lmao", "lmaooo", "mdr", "mdrrr", "ptdr", "xptdr", "rofl"])
    func laughter(_ word: String) {
        #expect(Laughter.contains(word), "\(word)")
    }

    @Test(arguments: ["aha", "hah", "hall", "hello", "loyal", "lot", "madre", "ha", "l", "éhéh", "hahaha2"])
    func notLaughter(_ word: String) {
        #expect(!Laughter.contains(word), "\(word)")
    }
}

@Suite struct WordKeyTests {
    /// Short words are packed whole, long ones hashed with their length: near words differ.
    @Test func nearWordsHaveDifferentKeys() {
        let words = ["", "a", "à", "ne", "n'", "pas", "chronophage", "chronophages", "abcdefghijklmno", "abcdefghijklmnop",
                     "abcdefghijklmnoq", "anticonstitutionnellement", "anticonstitutionnellemenu", "anticonstitutionnellements"]
        #expect(Set(words.map(WordKey.init)).count == words.count)
        #expect(WordKey("chronophage") == WordKey(String("chronophage".reversed().reversed())))
    }
}

@Suite struct WordTableTests {
    /// Lookups find what was stored, miss what was not, survive growth; setting nil removes.
    @Test func storesFindsAndGrows() {
        var table = WordTable<Int>()
        let words = (0..<5000).map { "mot\($0)" } + ["chronophage", "anticonstitutionnellement", "à", ""]
        for (index, word) in words.enumerated() { table[WordKey(word)] = index }
        #expect(table.count == words.count)
        #expect(words.enumerated().allSatisfy { table[WordKey($1)] == $0 })
        #expect(table[WordKey("absent")] == nil && !table.contains(WordKey("mot5000")))
        table[WordKey("chronophage")] = -2
        #expect(table[WordKey("chronophage")] == -2 && table.count == words.count)
        table[WordKey("chronophage")] = nil
        #expect(table[WordKey("chronophage")] == nil && table.count == words.count - 1 && table[WordKey("mot42")] == 42)
    }
}

import ForumLensCore
import ForumLensText

/// Key phrases of advice that fits no theme, for the summaries to group it into discovered
/// themes (`Tally.groups`): its content words and pairs of them (one function word allowed
/// between: « liste de comptes »), stemmed for the key and as written for the label. Function
/// words and the words of advice itself (faut, conseille, should, try) are left out, so that no
/// theme is named after them.
enum AdviceDiscovery {
    /// `opensOnVerb`: the advice starts with its verb (« Garde tes justificatifs »), which names
    /// what to do, not what about: it is left out.
    static func keyPhrases(_ text: String, language: String, opensOnVerb: Bool = false) -> [Tally.Item.Group] {
        let normalized = NormalizedText(text)
        let tokens = Tokenizer.tokens(normalized).filter { $0.kind == .word || $0.kind == .clitic }
        let skipped = language == "fr" ? french : english
        var content = tokens.indices.filter { index in
            let word = tokens[index].lowercased
            return tokens[index].kind == .word && word.count >= 3 && !skipped.contains(word)
        }
        if opensOnVerb, content.count > 1, content.first == tokens.firstIndex(where: { $0.kind == .word }) { content.removeFirst() }
        var phrases: [Tally.Item.Group] = []
        func add(_ range: ClosedRange<Int>) {
            let words = tokens[range]
            let key = words.filter { !skipped.contains($0.lowercased) }.map { Stemmer.stem($0.lowercased, language: language) }.joined(separator: " ")
            let label = normalized.string(words.first!.range.lowerBound ..< words.last!.range.upperBound).lowercased()
            if !phrases.contains(where: { $0.key == key }) { phrases.append(.init(key: key, label: label)) }
        }
        for (position, index) in content.enumerated() {
            add(index ... index)
            if position + 1 < content.count, content[position + 1] - index <= 2 { add(index ... content[position + 1]) }
        }
        return phrases
    }

    /// The words that make a sentence advice: no theme is named after them or matched on them.
    static let frenchAdviceWords: Set<String> = [
        "faut", "falloir", "faudrait", "fallait", "dois", "doit", "devez", "devrais", "devriez", "devrait", "conseil", "conseils",
        "conseille", "conseillez", "conseiller", "recommande", "recommandez", "recommander", "suggère", "suggérer", "mieux", "vaut",
        "essaie", "essaye", "essayez", "essayer", "évite", "évitez", "éviter", "pense", "pensez", "penser", "hésite", "hésitez",
        "hésiter", "oublie", "oubliez", "idéal", "déconseille",
    ]

    static let englishAdviceWords: Set<String> = [
        "should", "shouldn", "must", "need", "needs", "ought", "try", "trying", "recommend", "recommended", "suggest", "advice",
        "tip", "tips", "make", "sure", "avoid", "don", "dont", "please", "worth", "advise",
    ]

    /// Function words, the words that make a sentence advice, and verbs too common to name a theme.
    static let french: Set<String> = frenchAdviceWords.union([
        "les", "des", "une", "aux", "ces", "cet", "cette", "son", "sa", "ses", "ton", "ta", "tes", "mon", "mes", "notre", "nos",
        "votre", "vos", "leur", "leurs", "qui", "que", "quoi", "dont", "où", "pour", "par", "sur", "sous", "dans", "avec", "sans",
        "chez", "vers", "entre", "mais", "donc", "car", "puis", "aussi", "très", "trop", "plus", "moins", "bien", "tout", "tous",
        "toute", "toutes", "rien", "pas", "jamais", "toujours", "encore", "déjà", "même", "comme", "quand", "alors", "après", "avant",
        "elle", "elles", "ils", "nous", "vous", "toi", "moi", "lui", "eux", "ça", "cela", "ceci", "celui", "celle", "ceux", "quel",
        "quelle", "quels", "quelles", "faut", "falloir", "faudrait", "fallait", "dois", "doit", "devez", "devrais", "devriez",
        "devrait", "conseil", "conseils", "conseille", "conseillez", "conseiller", "recommande", "recommander", "suggère", "mieux",
        "vaut", "essaie", "essaye", "essayez", "essayer", "évite", "évitez", "éviter", "pense", "pensez", "penser", "hésite",
        "hésitez", "hésiter", "oublie", "oubliez", "surtout", "idéal", "fais", "faites", "faire", "fait", "être", "est", "sont",
        "soit", "sois", "soyez", "avoir", "as", "avez", "ai", "ont", "aie", "ayez", "va", "vas", "allez", "aller", "mets", "mettez",
        "mettre", "prends", "prenez", "prendre", "peux", "pouvez", "peut", "pouvoir", "veux", "voulez", "vouloir", "sais", "savez",
        "savoir", "dire", "dis", "dites", "voir", "vois", "voyez", "chose", "choses", "truc", "trucs", "fois", "vraiment", "juste",
        "plutôt", "peu", "beaucoup", "assez", "autre", "autres", "ici", "là", "oui", "non", "ceci", "etc", "ensuite", "enfin",
        "important", "essentiel", "clé", "sinon", "perso", "besoin", "bon", "bonne", "pendant", "depuis", "lors", "selon", "contre",
        "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "vingt", "cent", "mille", "premier", "première",
        "dernier", "dernière", "jour", "jours", "semaine", "semaines", "mois", "ans", "année", "années", "heure", "heures", "minute",
        "minutes", "temps", "matin", "soir", "passer", "passe", "passé", "trouver", "trouve", "venir", "viens", "donner", "demander",
        "demande", "dit", "mettre", "met", "mis", "pris", "prend", "vas", "vais", "vont", "peu", "quelqu'un", "quelque", "quelques",
        "chaque", "certains", "plusieurs", "aucun", "aucune", "autant", "ainsi", "car", "lorsque", "puisque", "parce", "celle-ci",
        "celui-ci", "genre", "style", "oui", "vrai", "vraie", "gros", "grosse", "petit", "petite", "grand", "grande", "nouveau",
        "nouvelle", "moment", "façon", "manière", "cas", "part", "côté", "fin", "début", "mieux", "moins", "plus",
    ])

    static let english: Set<String> = englishAdviceWords.union([
        "the", "and", "but", "for", "with", "without", "from", "into", "onto", "about", "your", "yours", "you", "they", "them",
        "their", "this", "that", "these", "those", "what", "which", "who", "whom", "when", "where", "why", "how", "there", "here",
        "its", "our", "ours", "his", "her", "she", "him", "not", "all", "any", "some", "more", "most", "very", "too", "just", "also",
        "then", "than", "only", "even", "really", "always", "never", "should", "shouldn", "must", "need", "needs", "ought", "try",
        "trying", "recommend", "recommended", "suggest", "advice", "tip", "tips", "make", "sure", "avoid", "don", "dont", "do",
        "does", "did", "doing", "done", "get", "gets", "got", "getting", "be", "been", "being", "is", "are", "was", "were", "have",
        "has", "had", "can", "could", "would", "will", "may", "might", "let", "please", "worth", "best", "better", "good", "great",
        "thing", "things", "way", "lot", "lots", "much", "many", "one", "ones", "well", "still", "yet", "again", "it's", "i'd",
        "you'd", "you're", "you'll", "key", "important", "forget", "remember", "go", "going", "anything", "something", "everything",
        "nothing", "anyone", "someone", "everyone", "say", "says", "said", "tell", "tells", "told", "telling", "time", "times", "day",
        "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes", "two", "three", "four",
        "five", "six", "ten", "first", "last", "next", "other", "others", "another", "each", "every", "both", "either", "neither",
        "own", "same", "such", "like", "want", "wants", "know", "think", "come", "comes", "take", "takes", "give", "keep", "put",
        "look", "see", "ask", "asked", "use", "used", "way", "ways", "part", "kind", "sort", "bit", "little", "big", "new", "old",
        "before", "after", "during", "while", "until", "since", "because", "though", "although", "over", "under", "off", "out",
        "into", "upon", "per", "via", "yes", "yeah", "okay", "right", "less", "least", "start", "stop", "stay", "set", "let's",
    ])
}

import ForumLensCore
import ForumLensText

/// Key phrases of advice that fits no theme, for the summaries to group it into discovered
/// themes (`Tally.groups`): its content words and pairs of them (one function word allowed
/// between: « liste de comptes »), stemmed for the key and as written for the label. Function
/// words and the words of advice itself (faut, conseille, should, try) are left out, so that no
/// theme is named after them.
enum AdviceDiscovery {
    static func keyPhrases(_ text: String, language: String) -> [Tally.Item.Group] {
        let normalized = NormalizedText(text)
        let tokens = Tokenizer.tokens(normalized).filter { $0.kind == .word || $0.kind == .clitic }
        let skipped = language == "fr" ? french : english
        let content = tokens.indices.filter { index in
            let word = tokens[index].lowercased
            return tokens[index].kind == .word && word.count >= 3 && !skipped.contains(word)
        }
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

    /// Function words, the words that make a sentence advice, and verbs too common to name a theme.
    static let french: Set<String> = [
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
        "important", "essentiel", "clé", "sinon", "perso", "besoin", "bon", "bonne",
    ]

    static let english: Set<String> = [
        "the", "and", "but", "for", "with", "without", "from", "into", "onto", "about", "your", "yours", "you", "they", "them",
        "their", "this", "that", "these", "those", "what", "which", "who", "whom", "when", "where", "why", "how", "there", "here",
        "its", "our", "ours", "his", "her", "she", "him", "not", "all", "any", "some", "more", "most", "very", "too", "just", "also",
        "then", "than", "only", "even", "really", "always", "never", "should", "shouldn", "must", "need", "needs", "ought", "try",
        "trying", "recommend", "recommended", "suggest", "advice", "tip", "tips", "make", "sure", "avoid", "don", "dont", "do",
        "does", "did", "doing", "done", "get", "gets", "got", "getting", "be", "been", "being", "is", "are", "was", "were", "have",
        "has", "had", "can", "could", "would", "will", "may", "might", "let", "please", "worth", "best", "better", "good", "great",
        "thing", "things", "way", "lot", "lots", "much", "many", "one", "ones", "well", "still", "yet", "again", "it's", "i'd",
        "you'd", "you're", "you'll", "key", "important", "forget", "remember", "go", "going",
    ]
}

import ForumLensText

/// The phrases and words the advice rules read, per language, and the tests on single words
/// (is this an imperative, an infinitive opening advice).
struct AdviceWords: Sendable {
    typealias Phrases = PhraseList

    /// Openings that point at something (« Regardez ce que », « Voici »), not advice.
    var pointers: Phrases
    var objectPronouns: WordTable<Bool>
    /// The cue lists in one, read once per sentence: formulas, advice reported from others, the
    /// writer's own plans and duties (« il faut que je », "I need to"), advice that asks,
    /// recommendations, obligations, requests and wishes ("it would be nice if"), rules stated
    /// as facts.
    var cues: Phrases
    enum Cue: Int, CaseIterable {
        case politeness, reported, ownPlans, questions, recommendations, obligations, suggestions, general
    }
    /// A condition put to the reader (« si tu », "if you") and what makes its main clause advice
    /// for them (« tu peux », "you can", "the place for you").
    var readerConditions: Phrases
    var forTheReader: Phrases
    /// "I would" + a verb of this list ("I would ask for a room"): the writer in the reader's place.
    var inYourPlace: Phrases
    var markers: WordTable<Bool>
    /// Coordinators that open a clause after a comma (« , mais », ", but"), and those that do
    /// even without one ("so", "then").
    var coordinators: WordTable<Bool>
    var openingCoordinators: WordTable<Bool>
    /// Words before a verb that make it no command (I, you, we, to, will).
    var subjects: WordTable<Bool>
    var subordinators: WordTable<Bool>
    var negations: WordTable<Bool>
    var politeVerbs: WordTable<Bool>
    var notImperatives: WordTable<Bool>
    var notInfinitives: WordTable<Bool>
    var imperatives: WordTable<Bool>
    /// Words after which a word ending like a verb is one (ton, ta, vos; le, les, des).
    var objects: WordTable<Bool>
    var evaluations: WordTable<Bool>
    var copulas: WordTable<Bool>
    let french: Bool

    init(french: Bool, politeness: [String], pointers: [String], objectPronouns: [String], reported: [String], ownPlans: [String], questions: [String], recommendations: [String],
         obligations: [String], suggestions: [String], general: [String], readerConditions: [String], forTheReader: [String],
         inYourPlace: [String], markers: [String], coordinators: [String], openingCoordinators: [String], subjects: [String], subordinators: [String],
         negations: [String], politeVerbs: [String], notImperatives: [String], notInfinitives: [String] = [], imperatives: [String], objects: [String],
         evaluations: [String], copulas: [String]) {
        func table(_ list: [String]) -> WordTable<Bool> { WordTable(list.map { (WordKey($0), true) }) }
        self.french = french
        self.pointers = Phrases(pointers)
        self.objectPronouns = table(objectPronouns)
        self.readerConditions = Phrases(readerConditions)
        self.forTheReader = Phrases(forTheReader)
        self.inYourPlace = Phrases(inYourPlace)
        self.cues = Phrases(tagged: [politeness, reported, ownPlans, questions, recommendations, obligations, suggestions, general])
        self.markers = table(markers)
        self.coordinators = table(coordinators + openingCoordinators)
        self.openingCoordinators = table(openingCoordinators)
        self.subjects = table(subjects)
        self.subordinators = table(subordinators)
        self.negations = table(negations)
        self.politeVerbs = table(politeVerbs)
        self.notImperatives = table(notImperatives)
        self.notInfinitives = table(notInfinitives)
        self.imperatives = table(imperatives)
        self.objects = table(objects)
        self.evaluations = table(evaluations)
        self.copulas = table(copulas)
    }

    /// « Il faut douze clics », "you have to wait 3 weeks": necessity told, not advice given;
    /// « les gens que tu dois rencontrer »: a relative clause, not advice.
    func isNarrated(_ cue: Range<Int>, in sentence: Range<Int>, _ tokens: [Token], obligation: Bool) -> Bool {
        if cue.lowerBound > sentence.lowerBound, Self.relatives.contains(tokens[cue.lowerBound - 1].key) { return true }
        guard obligation, cue.upperBound < sentence.upperBound else { return false }
        let next = tokens[cue.upperBound]
        return next.kind == .number || Self.numbers.contains(next.key)
    }

    static let relatives = WordTable(["que", "qu'", "où", "dont", "that", "which", "where"].map { (WordKey($0), true) })

    func isImperative(_ word: Token, next: Token?, negative: Bool) -> Bool {
        if imperatives.contains(word.key) { return true }
        let text = word.lowercased
        // "Don't spam recruiters", "Never pay upfront": after a negation at a clause's start, any
        // plain verb form (not "Don't really", not "Never been").
        guard french else { return negative && !text.hasSuffix("ing") && !text.hasSuffix("ed") && !Self.englishAfterNegation.contains(text) }
        // « Fixez-vous », « fais-toi », « inscris-toi »: a pronoun after the verb.
        if let hyphen = text.lastIndex(of: "-"), Self.frenchAfterVerb.contains(String(text[text.index(after: hyphen)...])) { return true }
        // « Fixez », « Allez », but not a name (« Eogez : »).
        if text.count >= 4, text.hasSuffix("ez"), next.map({ [",", ":"].contains($0.lowercased) }) != true { return true }
        let verbLike = text.count >= 3 && (text.hasSuffix("e") || text.hasSuffix("s"))
        // « Ne mets pas », « Verrouille ton profil », « Soigne ta photo ».
        return verbLike && (negative || next.map { objects.contains($0.key) } == true)
    }

    /// Words after "don't", "never" that are not a command: subject-dropped speech ("Don't
    /// know why"), adverbs, auxiliaries.
    static let englishAfterNegation: Set<String> = [
        "understand", "mind", "worry", "feel", "want", "need", "really", "even", "ever", "always", "just", "quite", "seem", "been",
        "had", "was", "is", "the", "a", "to", "i", "you", "it", "so", "before", "again",
    ]

    /// French advice in the infinitive: « Se démarquer par ses compétences. », « Avoir des
    /// objectifs clairs… sont essentiels »; not « Remplir ces formulaires, c'est chronophage ».
    func isInfinitive(at start: Int, in sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        guard french else { return false }
        var index = start
        // « Ne jamais publier », « Bien dormir », « Se former »: what may come before the infinitive.
        while index + 1 < sentence.upperBound, index < start + 3,
              ["se", "s'", "ne", "n'", "pas", "jamais", "plus", "bien", "toujours"].contains(tokens[index].lowercased) { index += 1 }
        let word = tokens[index].lowercased
        guard tokens[index].kind == .word, word.count >= 4, ["er", "ir", "re", "oir"].contains(where: { word.hasSuffix($0) }),
              !notInfinitives.contains(tokens[index].key), index + 1 < sentence.upperBound,
              objects.contains(tokens[index + 1].key) || tokens[index + 1].lowercased.hasSuffix("ment") || index > start
        else { return false }
        // A judgement on it must be a good one (« …, c'est la clé »), and no one tells their story
        // (« tenir ces profils à jour me prend un temps fou »).
        if let copula = (index ..< sentence.upperBound).first(where: { copulas.contains(tokens[$0].key) }) {
            return (copula ..< sentence.upperBound).contains { evaluations.contains(tokens[$0].key) }
        }
        return !tokens[sentence].contains { ["je", "j'", "me", "m'"].contains($0.lowercased) }
    }

    static let frenchAfterVerb: Set<String> = ["toi", "vous", "moi", "nous", "les", "le", "la", "en", "y", "lui", "leur"]
    static let numbers = WordTable([
        "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze", "quinze", "vingt", "trente",
        "cent", "plusieurs", "des", "a", "an", "one", "two", "three", "four", "five", "ten", "twenty", "several",
    ].map { (WordKey($0), true) })

    static let french = AdviceWords(
        french: true,
        politeness: [
            "n'hésite pas à me", "n'hésitez pas à me", "n'hésite pas si", "n'hésitez pas si", "n'hésitez pas à revenir",
            "n'hésite pas à revenir", "merci d'avance", "merci pour", "bon courage", "bonne chance", "tiens-moi au courant",
            "tenez-moi au courant", "tiens nous au courant", "tiens-nous au courant", "tenez-nous au courant", "dites-moi", "dis-moi",
            "redis-nous", "redites-nous", "à bientôt", "bonne journée", "bonne soirée", "au plaisir", "contactez-moi", "écris-moi",
            "écrivez-moi",
        ],
        pointers: ["regardez ce", "regarde ce", "regardez ça", "regarde ça", "voyez", "voyez-vous", "vois-tu", "voici", "regardez la", "regarde la"],
        objectPronouns: ["me", "m'", "te", "t'", "vous", "nous", "se", "s'", "le", "la", "les", "l'", "lui", "leur", "y", "en"],
        reported: [
            "on me dit", "on m'a dit", "on me répète", "on nous dit", "on nous répète", "m'a dit", "m'ont dit", "m'a conseillé",
            "m'ont conseillé", "m'a recommandé", "m'a expliqué", "on lit que", "il paraît", "paraît qu'", "paraît que", "disent qu'",
            "disent que", "dit qu'", "dit que", "disait qu'", "disait que", "selon lui", "selon elle", "d'après lui", "d'après elle",
            "m'a répondu", "m'a suggéré", "d'après un", "d'après une", "d'après les", "selon un", "selon une", "selon les",
        ],
        ownPlans: [
            "il faut que je", "il faut que j'", "il faudrait que je", "il faudrait que j'", "je dois", "je devrais", "il fallait",
            "il a fallu", "si c'était à refaire", "faut que je", "faudrait que je", "pourquoi ne pas avoir", "pourquoi ne pas être",
        ] + ["alors", "donc", "vraiment", "absolument", "juste", "aussi", "maintenant"].flatMap { adverb in
            // « Il faut alors que je m'encourage »: an adverb between does not make it advice.
            ["faut \(adverb) que je", "faut \(adverb) que j'", "faudrait \(adverb) que je", "faudrait \(adverb) que j'"]
        },
        questions: [
            "pourquoi ne pas", "pourquoi pas", "et si tu", "et si vous", "tu as pensé à", "as-tu pensé à", "avez-vous pensé à",
            "vous avez pensé à", "tu as essayé", "as-tu essayé", "avez-vous essayé", "vous avez essayé", "t'as essayé", "t'as pensé à",
            "tu as déjà essayé", "tu as déjà pensé à", "tu connais", "vous connaissez",
        ],
        recommendations: [
            "je te conseille", "je vous conseille", "je conseille", "jte conseille", "je te recommande", "je vous recommande",
            "je recommande", "je te suggère", "je vous suggère", "je suggère", "mon conseil", "mes conseils", "un conseil", "petit conseil",
            "dernier conseil", "conseil :", "je te déconseille", "je vous déconseille", "je déconseille", "à ta place", "à votre place",
            "si j'étais toi", "si j'étais vous", "il vaut mieux", "vaut mieux", "mieux vaut", "l'idéal est", "l'idéal c'est",
            "l'idéal serait", "le mieux est", "le mieux c'est", "le mieux serait", "le mieux , c'est", "l'idéal , c'est",
            "le plus simple , c'est", "le plus simple c'est", "n'hésite pas à", "n'hésitez pas à", "n'hésite pas",
            "n'hésitez pas", "pense à", "pensez à", "penses à", "évite de", "évitez de", "évite les", "évitez les", "n'oublie pas",
            "n'oubliez pas", "tu devrais", "vous devriez", "on devrait", "tu pourrais", "vous pourriez", "tu peux aussi",
            "vous pouvez aussi", "essaie de", "essaye de", "essayez de", "prends le temps", "prenez le temps", "fortement recommandé",
            "je ne peux que te conseiller", "je ne peux que vous conseiller", "ne te décourage pas", "ne vous découragez pas",
        ],
        obligations: [
            "il faut", "faut pas", "faut", "il ne faut pas", "il faudrait", "tu dois", "vous devez", "on doit", "il est important de",
            "il est essentiel de", "il est indispensable de", "il est conseillé de", "il est préférable de", "il est utile de",
            "il est nécessaire de", "ne faut pas",
        ],
        suggestions: [
            "ce serait bien de", "ce serait bien que", "ce serait top", "ce serait génial", "il serait bon de", "il serait utile de",
            "il faudrait ajouter", "j'aimerais qu'", "j'aimerais que", "ça serait bien",
        ],
        general: [
            "vaut mieux que", "valent mieux que", "rien ne vaut", "la clé", "le secret", "l'essentiel", "le plus important",
            "ce qui marche", "ce qui compte", "le vrai truc", "la meilleure façon", "le meilleur moyen", "la meilleure solution",
            "est essentiel", "sont essentiels", "est essentielle", "sont essentielles", "est indispensable", "sont indispensables",
            "est primordial", "un moyen et non une fin", "change tout", "fait la différence", "font la différence", "c'est la base",
            "la base c'est", "ça paie", "paye toujours", "paie toujours", "porte ses fruits", "le plus efficace",
        ],
        readerConditions: ["si tu", "si t'", "si vous"],
        forTheReader: ["tu peux", "vous pouvez", "tu pourras", "vous pourrez", "tu devrais", "vous devriez", "pour toi", "pour vous"],
        inYourPlace: ["je choisirais", "je prendrais", "j'irais", "je ferais", "je demanderais", "je garderais", "j'éviterais"],
        markers: [
            "et", "mais", "donc", "sinon", "surtout", "aussi", "alors", "bon", "enfin", "perso", "concrètement", "ensuite", "puis",
            "d'abord", "abord", "bref", "franchement", "vraiment", "par", "contre", "ah", "oh", "ok", "bref", "honnêtement", "déjà",
            "toujours", "plutôt", "juste", "sérieusement", "du", "coup",
        ],
        coordinators: ["et", "mais", "puis", "ou"],
        openingCoordinators: ["donc", "alors", "sinon"],
        subjects: ["je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "qui", "ne", "n'", "à", "de", "pour"],
        subordinators: [
            "si", "quand", "lorsque", "lorsqu'", "dès", "une", "avant", "après", "pour", "s'", "sur", "dans", "avec", "en", "à", "au",
            "côté", "pendant", "entre",
        ],
        negations: ["ne", "n'"],
        politeVerbs: ["svp", "stp"],
        notImperatives: [
            "merci", "bravo", "courage", "bonjour", "salut", "désolé", "désolée", "félicitations", "bienvenue", "pareil", "idem", "moi",
            "toi", "perso", "hier", "premier", "dernier", "cher", "super", "souvenir", "avenir", "plaisir", "désir", "loisir", "métier",
            "quartier", "dossier", "papier", "janvier", "février", "hiver", "genre", "livre", "titre", "centre", "lettre", "nombre",
            "ordre", "offre", "autre", "contre", "notre", "votre", "entre", "pire", "comme", "chaque", "cette", "elle", "elles", "celle",
            "ces", "les", "des", "mes", "tes", "ses", "nos", "vos", "tous", "toutes", "sans", "dans", "sous", "vers", "chez", "assez",
            "rez", "nez", "puis", "mais", "jamais", "toujours", "plus", "moins", "très", "trop", "ainsi", "alors", "aussi", "encore",
            "même", "être", "faire", "avoir", "voir", "pouvoir", "vouloir", "devoir", "savoir", "falloir", "quelque", "quelques",
            "personne", "chose", "rien", "tout", "certes", "après", "avant", "pendant", "depuis", "puisque", "lorsque", "quoique",
            "reste", "possible", "impossible", "simple", "difficile", "facile", "utile", "inutile", "efficace", "sympa", "rapide",
            "vraie", "vrais", "fois", "mois", "temps", "gens", "pas", "ans", "jours", "heures", "salons", "réseaux", "contacts",
            "profils", "offres", "entreprises", "recruteurs", "candidats", "conseils", "groupes", "forums", "messages", "résultats",
            "ensuite", "voilà", "voici", "attention", "désormais", "parfois", "souvent", "tellement", "vivement", "comment",
            "que", "qui", "quoi", "une", "quelle", "quelles", "presque", "parce", "plusieurs", "certains", "certaines", "autres",
            "minutes", "semaines", "années", "gens", "personnes", "choses", "fois", "tes", "les", "pourquoi", "ils", "nous", "vous",
        ],
        notInfinitives: [
            "hier", "premier", "dernier", "cher", "super", "souvenir", "avenir", "plaisir", "désir", "loisir", "métier", "quartier",
            "dossier", "papier", "janvier", "février", "hiver", "genre", "livre", "titre", "centre", "lettre", "nombre", "ordre",
            "offre", "autre", "contre", "notre", "votre", "entre", "pire", "leur", "fier", "entier", "particulier", "manière",
            "matière", "carrière", "frère", "père", "mère", "cadre", "membre", "libre", "chambre",
        ],
        imperatives: [
            "fais", "va", "vas-y", "mets", "prends", "choisis", "utilise", "évite", "pense", "essaie", "essaye", "demande", "garde",
            "regarde", "contacte", "relance", "écris", "lis", "inscris", "crée", "soigne", "verrouille", "concentre", "fixe", "cible",
            "rencontre", "sors", "donne", "écoute", "réponds", "partage", "publie", "cherche", "tape", "note", "ajoute", "oublie", "vise",
            "privilégie", "mise", "profite", "propose", "envoie", "appelle", "reste", "limite", "commence", "arrête", "continue",
            "lâche", "sois", "aie", "fonce", "teste", "ose", "tente", "apprends", "forme", "prépare", "prévois", "vérifie", "compare",
            "lance", "insiste", "personnalise", "montre", "valorise", "joue", "renseigne", "sélectionne", "soyez", "ayez", "faites",
            "allez", "dites", "prenez", "mettez", "choisissez", "lisez", "écrivez", "sortez", "inscrivez", "apprenez", "prévoyez",
            "sachez", "voyez", "rejoins", "rejoignez", "accepte", "refuse", "supprime", "complète", "mets-toi", "occupe", "ouvre",
            "évalue", "planifie", "organise", "bloque", "désactive", "coupe", "trie", "range", "investis", "multiplie", "diversifie",
        ],
        objects: [
            "ton", "ta", "tes", "votre", "vos", "te", "t'", "toi", "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "à", "chaque",
            "quelques", "plusieurs", "ça", "non", "oui", "dire", "faire", "poliment", "régulièrement", "souvent", "tôt", "vite",
            "au", "aux", "en", "par", "sur", "dans", "avec", "pour", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces",
            "bien", "tout", "tous", "toujours", "plutôt", "davantage", "plus", "moins", "pas", "jamais", "y",
        ],
        evaluations: [
            "essentiel", "essentiels", "essentielle", "essentielles", "important", "importante", "importants", "indispensable",
            "indispensables", "primordial", "primordiale", "utile", "utiles", "clé", "clef", "base", "capital", "crucial", "nécessaire",
            "mieux", "efficace", "efficaces", "bien", "payant", "payante", "gagnant", "recommandé", "conseillé",
        ],
        copulas: ["c'", "ça", "cela"])

    static let english = AdviceWords(
        french: false,
        politeness: [
            "let me know", "feel free to contact", "feel free to reach", "feel free to message", "feel free to pm", "feel free to dm",
            "thanks in advance", "thank you", "thanks for", "good luck", "best of luck", "hope this helps", "keep us posted",
            "keep me posted", "see you", "have a nice", "have a great", "cheers", "take care", "contact me",
        ],
        pointers: ["check this out", "look at this", "see below", "see attached", "here is the", "here are the"],
        objectPronouns: [],
        reported: [
            "told me to", "told me i should", "told us to", "said i should", "said we should", "said to", "they say", "people say",
            "was told", "were told", "i've been told", "i have been told", "i was advised", "advised me", "recommended me",
            "suggested i", "suggested that i", "suggested we", "according to", "keeps telling me", "keep telling me", "said that",
        ],
        ownPlans: [
            "i should", "i need to", "i have to", "i must", "i'll", "i will", "i'm going to", "i am going to",
            "should have been", "should've", "shouldn't have", "i wanted to", "we had to", "i had to",
        ],
        questions: [
            "why not", "why don't you", "why don't they", "why don't we", "how about", "what about", "have you tried",
            "have you considered", "did you try", "have you thought about", "could you", "can you please", "can we", "could we",
            "can you add", "can you make", "would it be possible", "is it possible to", "can't you", "couldn't you",
        ],
        recommendations: [
            "i recommend", "i'd recommend", "i would recommend", "highly recommend", "strongly recommend", "would recommend",
            "definitely recommend", "recommend", "recommended", "i suggest", "i'd suggest", "i would suggest", "i advise", "a tip", "one tip", "insider tip", "top tip", "tip -", "better off",
            "be advised", "would be advised",
            "i'd advise", "my advice", "my tip", "tip :", "pro tip", "you should", "you shouldn't", "you should not", "you'd better",
            "you had better", "you could", "you must", "you might want to", "you may want to", "you might consider", "you can also",
            "make sure", "be sure to", "don't forget", "do not forget", "remember to",
            "if i were you", "i'd go for", "it's worth", "it is worth", "well worth", "worth a visit", "worth it", "worth the",
            "worth checking", "worth trying", "be careful", "beware", "watch out", "stay away", "avoid", "don't bother",
            "do not bother", "don't waste", "don't miss", "do not miss", "must see", "must-see", "must do", "a must",
        ],
        obligations: ["should", "shouldn't", "ought to", "needs to", ],
        suggestions: [
            "it would be nice", "it would be great", "it would be good", "it would be helpful", "it would be awesome",
            "it would be cool", "it would be better", "would be nice", "would be great", "would be helpful", "would be useful",
            "would be awesome", "would be cool", "would be better", "would love to see", "would like to see", "i'd like to see",
            "i'd love to see", "i wish", "we need", "let us", "give us",
            "add support", "add the ability", "add an option", "add a way", "an option to",
            "make it possible", "it'd be", "would be nice if", "please", "feature request", "i'd love", "we'd love", "should be able",
            "should allow", "should support", "should add", "should provide", "should include", "i would like", "i'd like",
            "we would like", "we'd like", "we want", "i need", "we really need", "i'm asking for", "i am asking for",
            "requesting", "my suggestion", "one suggestion", "a suggestion", "suggestion :", "hopefully",
            "ideally", "would help", "would make it", "would open", "in need of",
            "would be a", "would be very", "would be really", "would be so", "would be useful", "will be useful",
           
        ],
        general: [
            "the key is", "the trick is", "the secret is", "the best way", "the best thing", "nothing beats", "is key", "is essential",
            "is crucial", "makes all the difference", "works best", "the way to go", "pays off", "best bet", "is better than",
            "are better than", "is the best", "your best bet", "goes a long way",
        ],
        readerConditions: ["if you", "if you're", "if your", "if you've"],
        forTheReader: [
            "you can", "you could", "you may", "you might", "you should", "you'll", "you will", "you'd", "you want", "you need",
            "for you", "you won't", "you will not", "your place", "the place", "your hotel", "this place",
        ],
        inYourPlace: [
            "i would recommend", "i'd recommend", "i would ask", "i'd ask", "i would go", "i'd go", "i would book", "i'd book",
            "i would avoid", "i'd avoid", "i would choose", "i'd choose", "i would stay", "i'd stay", "i would pick", "i'd pick",
            "i would get", "i'd get", "i would take", "i'd take", "i would bring", "i'd bring", "i would print", "i'd print",
            "i would look", "i'd look", "i would try", "i'd try", "i would use", "i'd use", "i would skip", "i'd skip",
            "i would definitely", "i'd definitely", "i would also", "i'd also", "i would suggest", "i'd suggest", "i would say",
        ],
        markers: [
            "and", "but", "so", "also", "then", "just", "definitely", "honestly", "seriously", "first", "finally", "otherwise", "plus",
            "oh", "ok", "okay", "well", "really", "always", "even", "ever", "simply", "instead", "still", "again", "now", "and", "anyway", "ps",
            "or", "perhaps", "maybe",
        ],
        coordinators: ["and", "but", "or"],
        openingCoordinators: ["so", "then", "otherwise"],
        subjects: [
            "i", "you", "he", "she", "it", "we", "they", "who", "to", "will", "would", "can", "could", "should", "might", "may", "must",
            "'ll", "'d", "did", "do", "does", "not", "n't", "the", "a", "an", "my", "your", "this", "that",
        ],
        subordinators: [
            "if", "when", "once", "before", "after", "while", "since", "unless", "whenever", "to", "on", "in", "at", "for", "with",
            "during", "as",
        ],
        negations: ["don't", "dont", "never", "do", "not", "n't"],
        politeVerbs: ["please", "pls", "plz", "kindly"],
        notImperatives: ["thanks", "thank", "love", "hate", "like", "hope", "wish", "guess", "mean", "know", "think", "care", "see"],
        imperatives: [
            "add", "allow", "ask", "avoid", "be", "book", "bring", "build", "buy", "call", "change", "check", "choose", "come", "consider",
            "contact", "create", "cut", "delete", "do", "drop", "eat", "enable", "expect", "explore", "find", "fix", "focus", "follow",
            "forget", "get", "give", "go", "grab", "have", "head", "help", "hire", "include", "install", "join", "keep", "learn", "leave",
            "let", "limit", "listen", "look", "make", "meet", "move", "offer", "opt", "order", "pack", "pay", "pick", "plan", "practice",
            "practise", "prepare", "provide", "put", "read", "remember", "remove", "rent", "request", "reserve", "restore", "return",
            "bring", "save", "schedule", "search", "see", "select", "send", "set", "share", "show", "skip", "start", "stay", "stick",
            "stop", "support", "switch", "take", "talk", "tell", "think", "try", "turn", "update", "upgrade", "use", "visit", "wait",
            "walk", "watch", "write", "expose", "implement", "integrate", "improve", "increase", "reduce", "open", "release",
            "replace", "rethink", "reconsider", "sign", "spend", "invest", "apply", "network", "reach", "write", "contribute", "fork",
            "document", "test", "bring", "get", "google", "print", "bookmark", "double-check", "shop", "tip", "treat", "pop",
        ],
        objects: ["your", "the", "a", "an", "my", "it", "them", "us", "this", "that", "some", "to", "for", "out", "up", "in", "on"],
        evaluations: ["essential", "important", "key", "crucial", "useful", "best", "better", "worth"],
        copulas: ["is", "are", "'s"])
}

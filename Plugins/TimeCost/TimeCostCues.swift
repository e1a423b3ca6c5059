import ForumLensAnalysis
import ForumLensCore
import ForumLensText

/// The words the time-cost rules read, per language.
extension TimeCostAnalyzer {
    typealias Phrases = PhraseList

    /// The cue lists a complaint looks for in a sentence, as tags of `Cues.sentenceCues`.
    enum SentenceCue: Int, CaseIterable {
        case exclusions, negative, lexical, waiting, waitingFor, waitingWords, loss, noResult, efforts, spending, lasting
    }

    /// A language's cue phrases and the words the target rules read.
    struct Cues: Sendable {
        var lexical: Phrases
        var waiting: Phrases
        var noResult: Phrases
        var spending: Phrases
        var negative: Phrases
        var exclusions: Phrases
        /// Waiting, when a time is given: « ça fait dix jours que », "ten days ago", « de retard ».
        var waitingFor: Phrases
        /// How long something lasts (dure, runs): time spent only when the sentence complains.
        var lasting: Phrases
        /// What makes « depuis trois semaines » waiting: attendre, réponse, still, late…
        var waitingWords: Phrases
        /// Time lost, when a time is given: « j'ai perdu », "wasted", "lost".
        var loss: Phrases
        /// The lists above a complaint reads, in one list tagged by `SentenceCue`, so that a
        /// sentence is scanned once for all of them.
        var sentenceCues: Phrases
        /// Words before a clock time (« à 14h »), and words a sentence may open with before its time.
        /// The waiting cues that only date something (il y a, ago).
        var pointsInTime = WordTable([(WordKey("il"), true), (WordKey("ago"), true)])
        var clock: WordTable<Bool>
        var openers: WordTable<Bool>
        /// Words of purpose after a quantity that opens a sentence (pour, to), and words that
        /// start a rate anywhere in a sentence (par, chaque, every).
        var purposes: WordTable<Bool>
        var rateWords: WordTable<Bool>
        var copulas: WordTable<Bool>
        var prepositions: WordTable<Bool>
        var determiners: WordTable<Bool>
        var pronouns: WordTable<Bool>
        var stops: WordTable<Bool>
        /// Words a sentence may open with before its topic (franchement, honestly, bref).
        var markers: WordTable<Bool>
        var demonstratives: WordTable<Bool>
        var firstPerson: WordTable<Bool>
        var auxiliaries: WordTable<Bool>
        /// Dropped before a target (« à la préfecture », "at the post office").
        var leadingPrepositions: WordTable<Bool>
        /// Skipped between a quantity and what it is spent on (juste, entiers, "just").
        var fillers: WordTable<Bool>
        var listOpeners: WordTable<Bool>
        /// Words that end a subject (verbs and object pronouns) and an object phrase (qui, pour, because).
        var subjectEnds: WordTable<Bool>
        var phraseEnds: WordTable<Bool>
        /// The ending of past tenses that end a subject ("promised", "turned"), if the language has one.
        var pastEnding: String?
        /// Pronouns that take up a phrase set apart (« X, c'est… », "X, it's…").
        var resumptives: WordTable<Bool>
        /// Verbs of saying and wanting, whose clause holds the target, and the words after them.
        var reporting: WordTable<Bool>
        var complementizers: WordTable<Bool>
        /// Verbs a subjectless sentence opens with ("Wasted two hours", "Spent a day").
        var verbs: WordTable<Bool>
        /// What a cue's object starts with (« en attente de », "no reply from").
        var ofWords: WordTable<Bool>

        /// `efforts`: the effort that a no-result cue counts without a time (« après toutes ces
        /// inscriptions », "after all these applications"); only a tag of `sentenceCues`.
        init(lexical: [String], waiting: [String], noResult: [String], efforts: [String], spending: [String], negative: [String], exclusions: [String],
             waitingFor: [String], waitingWords: [String], lasting: [String], loss: [String], clock: [String], openers: [String], purposes: [String], rateWords: [String],
             copulas: [String], prepositions: [String], determiners: [String], pronouns: [String], stops: [String],
             markers: [String], demonstratives: [String], firstPerson: [String], auxiliaries: [String], leadingPrepositions: [String],
             fillers: [String], listOpeners: [String], subjectEnds: [String], phraseEnds: [String], pastEnding: String? = nil,
             resumptives: [String], reporting: [String], complementizers: [String], verbs: [String], ofWords: [String]) {
            func phrases(_ list: [String]) -> Phrases { Phrases(list) }
            func table(_ list: [String]) -> WordTable<Bool> { WordTable(list.map { (WordKey($0), true) }) }
            self.lexical = phrases(lexical)
            self.waiting = phrases(waiting)
            self.noResult = phrases(noResult)
            self.spending = phrases(spending)
            self.negative = phrases(negative)
            self.exclusions = phrases(exclusions)
            self.waitingFor = phrases(waitingFor)
            self.waitingWords = phrases(waitingWords)
            self.lasting = phrases(lasting)
            self.loss = phrases(loss)
            var lists: [SentenceCue: [String]] = [
                .exclusions: exclusions, .negative: negative, .lexical: lexical, .waiting: waiting, .waitingFor: waitingFor,
                .waitingWords: waitingWords, .loss: loss, .noResult: noResult, .efforts: efforts, .spending: spending, .lasting: lasting,
            ]
            self.sentenceCues = Phrases(tagged: SentenceCue.allCases.map { lists.removeValue(forKey: $0)! })
            self.clock = table(clock)
            self.openers = table(openers)
            self.purposes = table(purposes)
            self.rateWords = table(rateWords)
            self.copulas = table(copulas)
            self.prepositions = table(prepositions)
            self.determiners = table(determiners)
            self.pronouns = table(pronouns)
            self.stops = table(stops)
            self.markers = table(markers)
            self.demonstratives = table(demonstratives)
            self.firstPerson = table(firstPerson)
            self.auxiliaries = table(auxiliaries)
            self.leadingPrepositions = table(leadingPrepositions)
            self.fillers = table(fillers)
            self.listOpeners = table(listOpeners)
            self.subjectEnds = table(subjectEnds)
            self.phraseEnds = table(phraseEnds)
            self.pastEnding = pastEnding
            self.resumptives = table(resumptives)
            self.reporting = table(reporting)
            self.complementizers = table(complementizers)
            self.verbs = table(verbs)
            self.ofWords = table(ofWords)
        }
    }

    static let french = Cues(
        lexical: [
            "chronophage", "chronophages", "perte de temps", "pertes de temps", "temps perdu", "un temps fou", "un temps de dingue",
            "un temps monstre", "usine à gaz", "perdre mon temps", "perdre du temps", "perds mon temps", "perd mon temps",
            "perdu mon temps", "perdu du temps", "perdre un temps", "perdu un temps", "interminable", "interminables",
            "n'en finit pas", "n'en finit plus", "prend des heures", "prend des plombes", "prend un temps", "bouffe mon temps",
            "bouffe du temps", "me bouffe", "mange mon temps", "bouffe mes soirées", "dévore mon temps", "perdu des heures",
            "perdu des jours", "perdu des semaines", "gouffre à temps", "gouffre de temps", "une éternité", "perd un temps",
            "perdre un temps", "d'une lenteur", "une lenteur",
        ],
        waiting: [
            "toujours aucune nouvelle", "pas de nouvelles", "ne répond plus", "ne répond toujours pas", "me fait patienter",
            "toujours pas de réponse", "toujours aucune réponse", "toujours sans réponse", "toujours en attente", "j'attends depuis",
            "j'attends toujours", "attends toujours", "sans réponse depuis", "aucune réponse depuis", "pas de réponse depuis",
            "attendre des semaines", "attendre des mois", "attendre des heures", "en attente depuis", "des semaines d'attente",
            "des mois d'attente", "heures d'attente", "minutes d'attente",
        ],
        noResult: [
            "pour rien", "pas de miracle", "sans résultat", "sans aucun résultat", "aucun résultat", "rien donné", "zéro résultat",
            "zéro retour", "aucun retour", "aucun changement", "pas un seul", "pas une seule", "sans succès", "toujours pas",
            "candidat interne", "zéro",
            "ne mènent à rien", "ne mène à rien", "n'a rien donné", "personne ne", "annulé",
        ],
        efforts: [
            "après toutes ces", "après tous ces", "après tout ce", "après toutes mes", "après tous mes", "malgré toutes ces",
            "malgré tous ces", "malgré toutes mes", "malgré tous mes", "malgré tout ce",
        ],
        spending: [
            "j'y passe", "j'y ai passé", "on y passe", "je passe", "j'ai passé", "passer des heures", "passé des heures", "ça prend",
            "ça m'a pris", "me prend", "me prennent", "m'a pris", "il me faut", "je perds", "je me tape", "me coûte", "j'en ai mis", "passe ses",
            "prend", "prennent", "coûte", "je suis à", "trajet", "trajets", "passe ses",
        ],
        negative: [
            "pour rien", "trop", "marre", "galère", "rien", "pénible", "épuisant", "encore", "déjà", "juste pour", "rien que", "au moins",
            "je craque", "intenable", "absurde", "déprimant", "lassant", "sérieusement", "pff", "merci bien", "au lieu de", "n'en peux plus",
            "entière", "entier", "toute ma", "tout mon", "inutile", "inutiles", "non payé", "non rémunéré", "sans arrêt",
            "tout ça pour", "quelle galère", "c'est trop", "en réalité", "alors qu'", "même pas", "n'ont même pas", "personne ne",
            "bidon", "toutes mes", "tous mes", "jamais",
        ],
        exclusions: [
            "ne prend que", "ne prennent que", "n'a pris que", "que quelques minutes", "que cinq minutes", "que 5 minutes",
            "vaut le temps", "vaut le coup", "vaut la peine", "valent le temps", "gagné du temps", "gagner du temps", "gain de temps",
            "fait gagner", "m'a fait gagner", "économise du temps", "économiser du temps", "pas une perte de temps",
            "ce n'est pas une perte de temps", "disent que", "disait que", "trouve que", "trouvent que", "ne dirais pas",
            "ne considère pas", "plus simple que prévu", "devenu simple", "plus vite que prévu", "à peine",
            "évite de perdre", "éviter de perdre", "je récupère", "récupérer mes", "pas d'accord", "ça a payé", "je le referais", "je referais",
            "ce n'est pas que", "seulement", "il suffit", "pas besoin", "comptez",
        ],
        waitingFor: [
            "ça fait", "depuis", "il y a", "de retard", "en retard", "bloqué", "bloquée", "coincé", "coincée", "de queue",
            "file d'attente", "d'attente", "patienter", "j'attends", "attendre", "en attendant", "silence radio", "relances",
            "met", "mettent",
        ],
        waitingWords: [
            "attends", "attend", "attendre", "attente", "patiente", "patienter", "toujours", "encore", "retard", "bloqué", "bloquée",
            "queue", "silence", "relance", "relances", "réponse", "nouvelles", "rappelle",
        ],
        lasting: ["dure", "durent", "a duré", "ont duré"],
        loss: ["perdu", "perdue", "perdues", "perdus", "perdre", "perd", "perds", "perdons", "m'a fait perdre", "de perdues", "de perdu"],
        clock: ["à", "vers", "dès", "entre", "et", "jusqu'à"],
        openers: [
            "et", "encore", "au", "moins", "presque", "environ", "plus", "de", "déjà", "chaque", "tous", "les", "mes", "entre", "matin", "soir",
            "jour", "semaine",
        ],
        purposes: ["pour", "à"],
        rateWords: ["par", "chaque", "tous", "toutes"],
        copulas: ["est", "sont", "était", "étaient", "devient", "deviennent", "reste", "restent", "c'est"],
        prepositions: ["sur", "avec"],
        determiners: ["le", "la", "les", "l'", "un", "une", "des", "du", "de", "mon", "ma", "mes", "ce", "cette", "ces", "moi", "toi", "lui", "eux"],
        pronouns: ["ça", "cela", "c'", "il", "elle", "ils", "elles", "on", "tout", "tu", "vous"],
        stops: [
            "et", "ou", "mais", "que", "qui", "est", "sont", "j'", "je", "y", "passe", "ça", "me", "m'", "pas", "ne", "n'",
            "vraiment", "très", "trop", "tellement", "une", "perte", "temps", "sur", "avec", "à", "pour", "dans", "par",
        ],
        markers: [
            "franchement", "honnêtement", "bref", "bon", "sinon", "perso", "personnellement", "sérieusement", "alors", "mais", "et", "donc",
            "parce", "que", "là", "vraiment", "clairement", "encore", "toujours", "moi", "génial", "super",
        ],
        demonstratives: ["ce", "cet", "cette", "ces"],
        firstPerson: ["je", "j'", "on", "nous"],
        auxiliaries: ["ai", "avons", "suis", "sommes", "ne", "n'", "me", "m'", "y", "en", "pas", "toujours", "encore"],
        leadingPrepositions: ["à", "au", "aux", "de", "d'", "du", "dans", "sur", "avec", "chez", "auprès", "pour", "en", "par"],
        fillers: [
            "juste", "rien", "que", "pour", "entier", "entiers", "entière", "entières", "hier", "soir", "matin", "ce", "de", "plus",
            "environ", "au", "moins", "bien", "facilement", "aujourd'hui", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
            "dimanche", "bloqué", "bloquée",
        ],
        listOpeners: ["entre"],
        subjectEnds: [
            "me", "m'", "te", "t'", "nous", "vous", "se", "s'", "y", "lui", "leur", "ne", "n'", "a", "ont", "avait", "avaient", "met",
            "mettent", "prend", "prennent", "fait", "font", "dure", "durent", "bouffe", "bouffent", "mange", "coûte", "coûtent", "demande",
            "oblige", "qui", "que", "qu'", "tourne", "devait", "doit", "peut", "va", "vient", "c'", "ça", "est", "sont", "était",
        ],
        phraseEnds: [
            "qui", "que", "qu'", "et", "mais", "car", "parce", "pour", "alors", "quand", "si", "après", "avant", "depuis", "pendant",
            "selon", "sans", "c'", "ça", "je", "j'",
        ],
        resumptives: ["c'", "ça", "cela", "ce", "quelle", "quel", "quelles", "quels", "une", "un"],
        reporting: ["dit", "disent", "pense", "pensent", "trouve", "trouvent", "veut", "veulent", "voudrait", "exige", "croit", "affirme"],
        complementizers: ["que", "qu'", "me", "m'", "de", "d'"],
        verbs: ["perdu", "passé", "attendu", "fait"],
        ofWords: ["de", "d'", "du", "des"])

    static let english = Cues(
        lexical: [
            "time-consuming", "time consuming", "waste of time", "waste of my time", "wasting my time", "wasted my time",
            "wasting time", "wasted hours", "wasted days", "wasted weeks", "time sink", "takes forever", "took forever",
            "taking forever", "take forever", "eats up", "ate up", "eating up", "sucks up", "sucked up", "endless", "never ends",
            "never-ending", "drags on", "a time suck", "time suck", "takes ages", "took ages", "time drain", "wasting everyone's time",
            "eat up", "eating way too much", "painfully slow",
        ],
        waiting: [
            "hasn't gotten back", "haven't heard back", "still no word", "no word from", "still hasn't", "still haven't",
            "still waiting", "still no answer", "still no reply", "still no response", "on hold for", "been waiting", "waiting for weeks",
            "waiting on a reply", 
            "waiting for months", "waiting for hours", "no answer since", "no reply since", "weeks of waiting", "hours of waiting",
        ],
        noResult: [
            "for nothing", "nothing to show", "no results", "zero results", "no luck", "nothing came of it", "not a single",
            "nothing ever", "never found", "still won't", "still failed", "still down", "still not", 
            "cancelled", "nobody", "internal candidate", "zero",
        ],
        efforts: ["after all these", "after all this", "after all my", "after all the", "despite all these", "despite all my", "despite all the"],
        spending: [
            "i spend", "i spent", "spent", "spending", "we spend", "took me", "takes me", "it takes", "it took", "have to spend", "i gave up",
            "i lose", "eats", "costs me", "takes", "take", "taking", "eating", "swallows", "costs", "gave up",
            "i'm up to", "spend", "spends", "commute", "takes up",
        ],
        negative: [
            "for nothing", "too", "sick of", "tired of", "again", "already", "annoying", "exhausting", "just to", "at least", "entire",
            "whole", "seriously", "ugh", "ridiculous", "absurd", "insane", "pointless", "useless", "instead of", "unpaid", "can't take",
            "never", "nothing", "still", "too much", "way too", "not sustainable", "each way", "never again", "way more than",
            "in reality", "even though", "don't even", "never even", "exhausted", "actually", "because", "all my",
        ],
        exclusions: [
            "only takes", "only took", "just takes", "just a minute", "only a minute", "worth the time", "worth it", "well worth",
            "saves me", "saved me", "saves time", "saved time", "save time", "saving time", "not a waste of time",
            "people say", "some say", "they say", "says that", "i wouldn't say", "i don't consider", "easier than", "faster than expected",
            "says", "disagree", "paid off", "i'd do it again", "it's not that", "barely",
            "avoid wasting", "is enough", "no need", "pays me back", "pay me back",
        ],
        waitingFor: [
            "ago", "it's been", "has been", "have been", "been stuck", "stuck", "late", "delayed", "queued", "in line", "queue",
            "waiting", "waited", "on hold", "since", "hasn't", "haven't", "still hasn't", "sitting",
        ],
        waitingWords: [
            "waiting", "wait", "waited", "still", "again", "late", "delayed", "stuck", "queue", "queued", "hold", "answer", "reply",
            "response", "news", "callback",
        ],
        lasting: ["runs", "lasts", "lasted", "ran"],
        loss: ["wasted", "waste", "wasting", "lost", "lose", "losing", "i'll never get back", "never get back"],
        clock: ["at", "by", "from", "between", "and", "until", "around"],
        openers: [
            "and", "another", "at", "least", "almost", "nearly", "about", "over", "every", "each", "a", "full", "good", "between", "morning",
            "evening", "day", "week",
        ],
        purposes: ["to", "for"],
        rateWords: ["per", "every", "each"],
        copulas: ["is", "are", "was", "were", "becomes", "remains", "'s"],
        prepositions: ["on", "with", "for"],
        determiners: ["the", "a", "an", "my", "this", "that", "these", "those", "it", "one", "them", "me", "you", "us"],
        pronouns: ["it", "they", "he", "she", "you", "there", "what"],
        stops: [
            "and", "or", "but", "that", "which", "is", "are", "i", "a", "total", "complete", "waste", "of", "time", "really", "so",
            "just", "on", "with", "for", "in", "to", "every", "each", "per",
        ],
        markers: ["honestly", "frankly", "seriously", "so", "well", "and", "but", "ok", "okay", "personally", "also", "now", "still", "great"],
        demonstratives: ["this", "that", "these", "those"],
        firstPerson: ["i", "we"],
        auxiliaries: ["have", "had", "was", "am", "'ve", "'m", "been", "just", "still", "really", "also", "do", "did", "n't"],
        leadingPrepositions: ["at", "of", "on", "in", "with", "to", "into", "from", "for", "by", "up", "per"],
        fillers: [
            "just", "only", "last", "night", "this", "morning", "evening", "week", "month", "today", "yesterday", "whole", "entire", "full",
            "of", "for", "about", "trying", "extra", "more", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        ],
        listOpeners: ["between"],
        subjectEnds: [
            "has", "have", "had", "is", "are", "was", "were", "takes", "took", "eats", "ate", "costs", "cost", "runs", "ran", "wastes",
            "swallows", "still", "actually", "never", "always", "keeps", "kept", "can", "could", "will", "would", "does", "did",
            "that", "which", "who", "makes", "made", "gets", "got", "seems", "just", "it", "i", "spends", "'s",
        ],
        phraseEnds: [
            "which", "who", "that", "and", "but", "because", "so", "when", "if", "after", "before", "since", "while", "during",
            "without", "just", "it", "i", "for",
        ],
        pastEnding: "ed",
        resumptives: ["it", "it's", "that", "that's", "this", "what", "they", "they're"],
        reporting: ["says", "said", "thinks", "thought", "wants", "wanted", "told", "tells", "claims", "expects"],
        complementizers: ["that", "me", "us", "to", "him", "her"],
        verbs: ["wasted", "spent", "lost", "queued", "gave", "waited", "sat", "stood"],
        ofWords: ["from", "of", "on"])
}

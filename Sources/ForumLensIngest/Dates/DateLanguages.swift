/// The words one language uses to write dates. Each string lists spellings separated by
/// spaces; accents and case do not matter (the tokeniser folds "Févr." to "fevr"), and
/// abbreviations are listed without their dot.
struct DateLanguage: Sendable {
    /// January … December.
    var months: [String]
    /// Monday … Sunday; only skipped, so one list for full names and abbreviations.
    var weekdays: [String]
    /// Phrases naming a day relative to today: 0 today, -1 yesterday, -2 the day before.
    var days: [Int: [String]]
    var units: [ElapsedUnit: String]
    /// One … ten; "a" / "an" / "une" count as one.
    var numbers: [String]
    /// Written after an amount: "3 days ago", "3 giorni fa".
    var agoAfter: String = ""
    /// Phrases written before an amount: "il y a 3 jours", "vor 3 Tagen", "hace 3 días".
    var agoBefore: [String] = []
    /// Phrases meaning "a moment ago", resolved to the reference time.
    var now: [String] = []
    /// Words between a date and its time: "à", "at", "um", "alle", "às", "a las".
    var timeLinks: String = ""
    /// Words between day, month and year: "5 de março de 2024", "the 3rd of March".
    var dateLinks: String = ""
    /// Between amounts: "2 heures et 3 minutes".
    var joins: String = ""
    /// Glued to a day number: 1er, 2nd, 3º.
    var ordinals: String = ""
    /// Before an amount: "il y a environ 3 heures", "about 5 days ago".
    var approximately: String = ""
}

/// Spellings a phrase may take that are ordinary words elsewhere ("hier" is "here" in German
/// and Dutch): read alone or with a time, never as a bare word inside a sentence.
let ambiguousDayWords: Set<String> = ["hier"]

extension DateLanguage {
    static let all: [DateLanguage] = [english, french, german, italian, portuguese, spanish, dutch]

    static let english = DateLanguage(
        months: ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
                 "august aug", "september sep sept", "october oct", "november nov", "december dec"],
        weekdays: ["monday mon", "tuesday tue tues", "wednesday wed", "thursday thu thur thurs",
                   "friday fri", "saturday sat", "sunday sun"],
        days: [0: ["today"], -1: ["yesterday"]],
        units: [.second: "second seconds sec secs s", .minute: "minute minutes min mins m",
                .hour: "hour hours hr hrs h", .day: "day days d", .week: "week weeks wk wks w",
                .month: "month months mo mos mth mths", .year: "year years yr yrs y"],
        numbers: ["a an one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        agoAfter: "ago",
        now: ["just now", "a moment ago", "moments ago"],
        timeLinks: "at", dateLinks: "of", joins: "and", ordinals: "st nd rd th",
        approximately: "about around almost nearly over"
    )

    static let french = DateLanguage(
        months: ["janvier janv jan", "février févr fév", "mars", "avril avr", "mai", "juin",
                 "juillet juil juill", "août aoû aou", "septembre sept sep", "octobre oct",
                 "novembre nov", "décembre déc dec"],
        weekdays: ["lundi lun", "mardi mar", "mercredi mer", "jeudi jeu", "vendredi ven",
                   "samedi sam", "dimanche dim"],
        days: [0: ["aujourd'hui"], -1: ["hier"], -2: ["avant-hier"]],
        units: [.second: "seconde secondes sec s instant instants", .minute: "minute minutes min mn",
                .hour: "heure heures h", .day: "jour jours j", .week: "semaine semaines sem",
                .month: "mois", .year: "an ans année années"],
        numbers: ["un une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"],
        agoBefore: ["il y a"],
        now: ["à l'instant"],
        timeLinks: "à", dateLinks: "", joins: "et", ordinals: "er re e ème eme",
        approximately: "environ presque"
    )

    static let german = DateLanguage(
        months: ["januar jänner jan", "februar feb", "märz maerz mär mrz", "april apr", "mai",
                 "juni jun", "juli jul", "august aug", "september sep sept", "oktober okt",
                 "november nov", "dezember dez"],
        weekdays: ["montag mo", "dienstag di", "mittwoch mi", "donnerstag do", "freitag fr",
                   "samstag sonnabend sa", "sonntag so"],
        days: [0: ["heute"], -1: ["gestern"], -2: ["vorgestern"]],
        units: [.second: "sekunde sekunden sek", .minute: "minute minuten min",
                .hour: "stunde stunden std", .day: "tag tage tagen", .week: "woche wochen",
                .month: "monat monate monaten", .year: "jahr jahre jahren"],
        numbers: ["ein eine einem einer einen", "zwei", "drei", "vier", "fünf", "sechs", "sieben",
                  "acht", "neun", "zehn"],
        agoBefore: ["vor"],
        now: ["gerade eben", "soeben"],
        timeLinks: "um", joins: "und", approximately: "etwa ungefähr fast über"
    )

    static let italian = DateLanguage(
        months: ["gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag", "giugno giu",
                 "luglio lug", "agosto ago", "settembre set sett", "ottobre ott", "novembre nov",
                 "dicembre dic"],
        weekdays: ["lunedì lun", "martedì mar", "mercoledì mer", "giovedì gio", "venerdì ven",
                   "sabato sab", "domenica dom"],
        days: [0: ["oggi"], -1: ["ieri"], -2: ["l'altro ieri", "altroieri"]],
        units: [.second: "secondo secondi", .minute: "minuto minuti", .hour: "ora ore",
                .day: "giorno giorni", .week: "settimana settimane", .month: "mese mesi",
                .year: "anno anni"],
        numbers: ["un uno una", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"],
        agoAfter: "fa",
        now: ["proprio ora", "poco fa"],
        timeLinks: "alle ore", joins: "e", approximately: "circa quasi"
    )

    static let portuguese = DateLanguage(
        months: ["janeiro jan", "fevereiro fev", "março mar", "abril abr", "maio mai", "junho jun",
                 "julho jul", "agosto ago", "setembro set", "outubro out", "novembro nov",
                 "dezembro dez"],
        weekdays: ["segunda seg", "terça ter", "quarta qua", "quinta qui", "sexta sex",
                   "sábado sáb", "domingo dom"],
        days: [0: ["hoje"], -1: ["ontem"], -2: ["anteontem"]],
        units: [.second: "segundo segundos", .minute: "minuto minutos", .hour: "hora horas",
                .day: "dia dias", .week: "semana semanas", .month: "mês meses", .year: "ano anos"],
        numbers: ["um uma", "dois duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"],
        agoAfter: "atrás",
        agoBefore: ["há"],
        now: ["agora mesmo", "há pouco"],
        timeLinks: "às", dateLinks: "de", joins: "e", ordinals: "º o", approximately: "cerca quase"
    )

    static let spanish = DateLanguage(
        months: ["enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun",
                 "julio jul", "agosto ago", "septiembre setiembre sep sept set", "octubre oct",
                 "noviembre nov", "diciembre dic"],
        weekdays: ["lunes lun", "martes mar", "miércoles mié", "jueves jue", "viernes vie",
                   "sábado sáb", "domingo dom"],
        days: [0: ["hoy"], -1: ["ayer"], -2: ["anteayer"]],
        units: [.second: "segundo segundos", .minute: "minuto minutos", .hour: "hora horas",
                .day: "día días", .week: "semana semanas", .month: "mes meses", .year: "año años"],
        numbers: ["un uno una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
        agoBefore: ["hace"],
        now: ["ahora mismo", "hace un momento"],
        timeLinks: "a las la", dateLinks: "de del", joins: "y", ordinals: "º o", approximately: "casi unos unas"
    )

    static let dutch = DateLanguage(
        months: ["januari jan", "februari feb", "maart mrt", "april apr", "mei", "juni jun", "juli jul",
                 "augustus aug", "september sep sept", "oktober okt", "november nov", "december dec"],
        weekdays: ["maandag ma", "dinsdag di", "woensdag wo", "donderdag do", "vrijdag vr",
                   "zaterdag za", "zondag zo"],
        days: [0: ["vandaag"], -1: ["gisteren"], -2: ["eergisteren"]],
        units: [.second: "seconde seconden", .minute: "minuut minuten", .hour: "uur uren",
                .day: "dag dagen", .week: "week weken", .month: "maand maanden", .year: "jaar jaren"],
        numbers: ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"],
        agoAfter: "geleden",
        now: ["zojuist", "net nu"],
        timeLinks: "om", joins: "en", ordinals: "e de ste", approximately: "ongeveer bijna"
    )
}

import ForumLensText
import Testing
@testable import ForumLensPlugins

/// Time quantities in French and English, with rates, as ISO 8601.
@Suite struct TimeQuantityTests {
    @Test(arguments: [
        ("J'y passe 2 heures par jour.", "PT2H", "P1D"),
        ("Ça m'a pris 1h30 hier.", "PT1H30M", nil),
        ("Deux heures et demie pour un formulaire !", "PT2H30M", nil),
        ("J'ai perdu une demi-journée.", "P0.5D", nil),
        ("Au moins trois quarts d'heure d'attente.", "PT45M", nil),
        ("3/4 d'heure au téléphone.", "PT45M", nil),
        ("J'y passe 3 soirs par semaine.", "P3D", "P1W"),
        ("Entre 2 et 3 heures chaque matin.", "PT3H", "P1D"),
        ("It took a couple of weeks.", "P2W", nil),
        ("I spend 20 mins a day on it.", "PT20M", "P1D"),
        ("An hour and a half on hold.", "PT1H30M", nil),
        ("Two and a half hours wasted.", "PT2H30M", nil),
        ("Half an hour, every single time.", "PT30M", nil),
        ("90 mins per week.", "PT1H30M", "P1W"),
        ("Toujours rien depuis trois semaines.", "P3W", nil),
        ("Ça prend 2h chaque jour.", "PT2H", "P1D"),
        ("Vingt-cinq minutes de perdues.", "PT25M", nil),
    ] as [(String, String, String?)])
    func readsQuantitiesAndRates(text: String, duration: String, per: String?) {
        let found = TimeQuantity.find(in: TextLayer(text))
        #expect(found.first?.duration == duration, "\(text): \(found)")
        #expect(found.first?.per == per, "\(text): \(found)")
    }

    @Test(arguments: ["J'y passe des heures.", "It takes forever.", "Un temps fou perdu.", "Hours of my life."])
    func unquantifiedAreKeptAsSuch(text: String) {
        let found = TimeQuantity.find(in: TextLayer(text))
        #expect(found.count == 1 && found[0].duration == nil, "\(text): \(found)")
    }

    @Test func recurringDayPartsHaveAPeriod() {
        #expect(TimeQuantity.recurring(in: TextLayer("J'y passe tous les soirs.")).first?.per == "P1D")
        #expect(TimeQuantity.recurring(in: TextLayer("It eats up every evening.")).first?.per == "P1D")
        #expect(TimeQuantity.recurring(in: TextLayer("Ça me bouffe mes soirées.")).count == 1)
    }
}

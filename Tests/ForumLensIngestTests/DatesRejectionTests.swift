import Foundation
import Testing
@testable import ForumLensIngest

@Suite struct DatesRejectionTests {
    static let nonDates = [
        "", "Eogez", "Messages: 1234", "Inscription: 2010", "Inscrit le : avril 2010", "Joined: Mar 2012",
        "v2.3.14", "version 2.3.14", "1.2.3.4", "192.168.1.254", "10.0.0.1", "IP : 127.0.0.1",
        "06 12 34 56 78", "06.12.34.56.78", "01-23-45-67-89", "+33 6 12 34 56 78", "555-123-4567",
        "(555) 123-4567", "12,99 €", "$1,234.56", "1.234,56 €", "Prix : 1 299 €", "Page 1 sur 2",
        "Page 3 of 12", "#12", "Re: #12", "14:02", "à 14h", "12/03", "1/2/3", "Score : 3-1",
        "10 May", "May I help you? 3 people", "il a 3 ans de plus", "2 heures par jour",
        "chronophage : 3 heures", "ISBN 978-2-07-036822-8", "Windows 10 22H2", "x86_64", "1080p",
        "Réponse #3", "Citation de Carole", "Posts: 42 · Likes: 7",
    ]

    @Test(arguments: nonDates)
    func nonDatesGiveNil(text: String) {
        let context = DateContext(reference: Date(timeIntervalSince1970: 1_716_892_200))
        #expect(isoDate(text, context) == nil, "\(text)")
    }

    /// Thousands of snippets of the kind an extractor tries, dates and not: each must come out
    /// as expected. (No timing here; throughput is measured with a release build.)
    @Test func manyMixedSnippets() {
        let context = DateContext(reference: Date(timeIntervalSince1970: 1_716_892_200))
        let parser = DateParser(context: context)
        let dates = [
            "30 avril 2010 à 14:02", "Ven 30 Avr 2010 - 14:02", "03-11-2008 à 21:43:11", "Hier à 14:02",
            "March 29, 2024, 11:07 am", "3 days ago", "il y a 2 heures", "2024年5月2日 21:44",
            "05/07/2024 07:52 AM", "Sep 18, 2020", "2024-05-19 23:34:01Z", "vor 3 Tagen",
        ]
        let prefixes = ["", "par » Eogez » ", "#2 · ", "Posté le ", "\n\t "]
        let suffixes = ["", " ", " · Citer", "\n"]
        var snippets: [(String, Bool)] = []
        for round in 0 ..< 40 {
            for (index, text) in (dates + Self.nonDates).enumerated() {
                let prefix = prefixes[(round + index) % prefixes.count]
                let suffix = suffixes[(round * 3 + index) % suffixes.count]
                snippets.append((prefix + text + suffix, index < dates.count))
            }
        }
        #expect(snippets.count > 2000)
        var wrong: [String] = []
        for (snippet, isDate) in snippets where (parser.parse(snippet) != nil) != isDate {
            wrong.append(snippet)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func vocabularyTablesHaveNoClashes() {
        // Building the table checks (by precondition) that no spelling names two months or two
        // numbers; here, the words the grammar relies on have the roles it expects.
        let words = DateVocabulary.shared.words
        func word(_ text: String) -> DateWord? { words[DateWordKey.words(of: text)[0].key] }
        #expect(word("Mar")?.month == 3 && word("Mar")?.roles.contains(.weekday) == true)
        #expect(word("août")?.month == 8 && word("AOUT")?.month == 8 && word("Ago")?.roles.contains(.agoAfter) == true)
        #expect(word("févr")?.month == 2 && word("März")?.month == 3 && word("décembre")?.month == 12)
        #expect(word("an")?.count == 1 && word("an")?.unit == .year)
        #expect(word("sept")?.month == 9 && word("sept")?.count == 7)
        #expect(word("aujourd'hui") != nil && word("aujourd’hui") != nil)
        #expect(DateWordKey.words(of: "Straße")[0].key == DateWordKey.words(of: "STRASSE")[0].key)
        #expect(DateWordKey.words(of: "abcdefghijklm")[0].key == 0, "thirteen letters have no key")
    }
}

import Foundation
import Testing
@testable import ForumLensIngest

@Suite struct DatesRelativeTests {
    /// Tuesday 28 May 2024, 10:30 UTC (12:30 in Paris).
    static let reference = ISO8601DateFormatter().date(from: "2024-05-28T10:30:00Z")!
    let context = DateContext(reference: reference)

    @Test(arguments: [
        ("Hier à 14:02", "2024-05-27T14:02:00"),
        ("Aujourd'hui à 10:12", "2024-05-28T10:12:00"),
        ("Aujourd’hui, 10:12", "2024-05-28T10:12:00"),
        ("avant-hier à 9h", "2024-05-26T09:00:00"),
        ("Yesterday, 02:14 PM", "2024-05-27T14:14:00"),
        ("Today at 8:02 AM", "2024-05-28T08:02:00"),
        ("il y a 3 jours", "2024-05-25"),
        ("il y a 2 heures", "2024-05-28T08:30:00Z"),
        ("il y a une minute", "2024-05-28T10:29:00Z"),
        ("il y a 2 heures et 30 minutes", "2024-05-28T08:00:00Z"),
        ("il y a quelques secondes", "2024-05-28T10:29:00Z"),
        ("il y a un an", "2023-05-28"),
        ("posted 3 days ago", "2024-05-25"),
        ("3 days ago", "2024-05-25"),
        ("2 weeks 6 days ago", "2024-05-08"),
        ("11 days ago", "2024-05-17"),
        ("3 months ago", "2024-02-28"),
        ("a year ago", "2023-05-28"),
        ("an hour ago", "2024-05-28T09:30:00Z"),
        ("a few minutes ago", "2024-05-28T10:27:00Z"),
        ("5m ago", "2024-05-28T10:25:00Z"),
        ("just now", "2024-05-28T10:30:00Z"),
        ("à l'instant", "2024-05-28T10:30:00Z"),
        ("vor 3 Tagen", "2024-05-25"),
        ("vor einer Stunde", "2024-05-28T09:30:00Z"),
        ("gestern um 14:02", "2024-05-27T14:02:00"),
        ("heute", "2024-05-28"),
        ("Heute, 09:15", "2024-05-28T09:15:00"),
        ("ieri alle 14:02", "2024-05-27T14:02:00"),
        ("3 giorni fa", "2024-05-25"),
        ("ontem às 14:02", "2024-05-27T14:02:00"),
        ("há 3 dias", "2024-05-25"),
        ("ha 2 horas", "2024-05-28T08:30:00Z"),
        ("hace 3 días", "2024-05-25"),
        ("ayer a las 14:02", "2024-05-27T14:02:00"),
        ("3 dagen geleden", "2024-05-25"),
        ("gisteren om 14:02", "2024-05-27T14:02:00"),
        ("3天前", "2024-05-25"),
        ("12 天前", "2024-05-16"),
        ("3 个小时前", "2024-05-28T07:30:00Z"),
        ("3个月前", "2024-02-28"),
        ("昨天 14:02", "2024-05-27T14:02:00"),
        ("刚刚", "2024-05-28T10:30:00Z"),
        ("发表于 刚刚", "2024-05-28T10:30:00Z"),
        ("answered 6 years ago", "2018-05-28"),
        ("2 years ago (last modified 2 years ago)", "2022-05-28"),
        ("il y a environ 3 heures", "2024-05-28T07:30:00Z"),
        ("il y a un instant", "2024-05-28T10:29:00Z"),
        ("hace unos 5 minutos", "2024-05-28T10:25:00Z"),
        ("Mardi à 14:02", "2024-05-21T14:02:00"),
        ("Sunday at 9:15 PM", "2024-05-26T21:15:00"),
        ("Mittwoch um 08:00", "2024-05-22T08:00:00"),
        ("Hier", "2024-05-27"),
        ("Posted yesterday", "2024-05-27"),
    ])
    func readsRelativeDates(text: String, expected: String) {
        #expect(isoDate(text, context) == expected, "\(text)")
    }

    @Test func relativeDatesNeedAReference() {
        for text in ["Hier à 14:02", "3 days ago", "il y a 2 heures", "just now", "heute", "昨天 14:02"] {
            #expect(isoDate(text) == nil, "\(text)")
        }
        // …and the search goes on to an absolute date after them.
        #expect(isoDate("3 days ago · 14/03/2016") == "2016-03-14")
    }

    @Test func forumZoneResolvesRelativeDates() {
        let context = DateContext(reference: Self.reference, timeZone: paris)
        #expect(isoDate("Hier à 14:02", context) == "2024-05-27T14:02:00+02:00")
        #expect(isoDate("il y a 2 heures", context) == "2024-05-28T10:30:00+02:00")
        #expect(isoDate("just now", context) == "2024-05-28T12:30:00+02:00")
        // 23:30 UTC is already the next day in Paris.
        let lateEvening = ISO8601DateFormatter().date(from: "2024-05-28T23:30:00Z")!
        #expect(isoDate("Aujourd'hui", DateContext(reference: lateEvening, timeZone: paris)) == "2024-05-29")
        #expect(isoDate("Aujourd'hui", DateContext(reference: lateEvening)) == "2024-05-28")
    }

    @Test func dayWordsInsideSentencesAreNotDates() {
        for text in ["I saw it yesterday in the shop window", "Ich bin hier", "je suis passé hier soir chez lui",
                     "pour l'instant ça marche", "Today in History", "heute geschlossen", "Sunday",
                     "Di um 14:02", "it works just now and then for me", "3 jours", "il y a", "ago"] {
            #expect(isoDate(text, context) == nil, "\(text)")
        }
    }
}

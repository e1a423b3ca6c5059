import Foundation
import Testing
@testable import ForumLensIngest

/// Shared by the date tests: the ISO form of the first date in a text.
func isoDate(_ text: String, _ context: DateContext = DateContext()) -> String? {
    DateParser(context: context).parse(text)?.date.iso8601()
}

func matchedText(_ text: String, _ context: DateContext = DateContext()) -> String? {
    DateParser(context: context).parse(text).map { String(text[$0.range]) }
}

let paris = TimeZone(identifier: "Europe/Paris")!

@Suite struct DatesAbsoluteTests {
    @Test(arguments: [
        // French
        ("30 avril 2010", "2010-04-30"),
        ("30 avril 2010 à 14:02", "2010-04-30T14:02:00"),
        ("Ven 30 Avr 2010 - 14:02", "2010-04-30T14:02:00"),
        ("Lun 12 Mar 2012, 14:32", "2012-03-12T14:32:00"),
        ("Mar 13 Mar 2012 14:32", "2012-03-13T14:32:00"),
        ("14-03-2016 à 11:24:58", "2016-03-14T11:24:58"),
        ("14 mars 2016 à 11:24:58", "2016-03-14T11:24:58"),
        ("le 14/03/2016 à 11h24", "2016-03-14T11:24:00"),
        ("14/03/2016, 11h24", "2016-03-14T11:24:00"),
        ("17 mars 2016 à 9 h 12 min", "2016-03-17T09:12:00"),
        ("17 mars 2016 à 14h", "2016-03-17T14:00:00"),
        ("1er mai 2012", "2012-05-01"),
        ("2e jour, le 2 février 2012", "2012-02-02"),
        ("mars 3, 2020", "2020-03-03"),
        ("jeu. 16 mai 2024", "2024-05-16"),
        ("samedi 3 fevrier 2018 a 08:15", "2018-02-03T08:15:00"),
        ("15 aout 2019", "2019-08-15"),
        ("25 décembre 2018", "2018-12-25"),
        ("25 decembre 2018", "2018-12-25"),
        ("3 janv. 2020", "2020-01-03"),
        ("3 févr. 2020 à 7:05", "2020-02-03T07:05:00"),
        ("03-11-2008 à 21:40:00", "2008-11-03T21:40:00"),
        // English
        ("March 29, 2024, 11:07 am", "2024-03-29T11:07:00"),
        ("Mar 4, 2021", "2021-03-04"),
        ("03-14-2016, 11:24 AM", "2016-03-14T11:24:00"),
        ("Sep 18, 2020", "2020-09-18"),
        ("Sept. 18, 2020", "2020-09-18"),
        ("August 29, 2011\n6:45 am", "2011-08-29T06:45:00"),
        ("Thursday, May 16, 2024 12:23 PM", "2024-05-16T12:23:00"),
        ("May 10, 2024, 8:39 pm", "2024-05-10T20:39:00"),
        ("May 10, 2024 8:39 p.m.", "2024-05-10T20:39:00"),
        ("January 4, 2020 at 12:05 am", "2020-01-04T00:05:00"),
        ("Feb 22, 2024 at 21:54", "2024-02-22T21:54:00"),
        ("06 May 2024 11:18", "2024-05-06T11:18:00"),
        ("the 3rd of March 2024", "2024-03-03"),
        ("March 3rd, 2024 at 3 pm", "2024-03-03T15:00:00"),
        ("30-Apr-2010 14:02", "2010-04-30T14:02:00"),
        ("03/13/15 09:39 AM", "2015-03-13T09:39:00"),
        ("12/03/12", "2012-03-12"),
        ("Jan 12, '20", "2020-01-12"),
        ("12 mars 2019 à 10h33m12s", "2019-03-12T10:33:12"),
        // German, Italian, Portuguese, Spanish, Dutch
        ("14.03.2016, 11:24", "2016-03-14T11:24:00"),
        ("18. September 2020", "2020-09-18"),
        ("Do., 18. März 2021, 14:02 Uhr", "2021-03-18T14:02:00"),
        ("18.09.20 um 14:02", "2020-09-18T14:02:00"),
        ("29 marzo 2024 alle 11:07", "2024-03-29T11:07:00"),
        ("giovedì 29 mar 2024 alle ore 11:07", "2024-03-29T11:07:00"),
        ("5 de março de 2024 às 11:07", "2024-03-05T11:07:00"),
        ("segunda-feira, 4 de março de 2024", "2024-03-04"),
        ("5 de marzo de 2024 a las 11:07", "2024-03-05T11:07:00"),
        ("5 de marzo del 2024, 11:07 p. m.", "2024-03-05T23:07:00"),
        ("5 maart 2024 om 11:07", "2024-03-05T11:07:00"),
        // Numeric and Chinese
        ("2024-4-5 23:20:45", "2024-04-05T23:20:45"),
        ("2020-02-11 21:54", "2020-02-11T21:54:00"),
        ("2024/05/02", "2024-05-02"),
        ("2024年5月2日 21:44", "2024-05-02T21:44:00"),
        ("2024年04月22日", "2024-04-22"),
        ("2024年5月15日星期三 20点20分", "2024-05-15T20:20:00"),
        ("2024 年 5 月 16 日 下午 3:03", "2024-05-16T15:03:00"),
        ("2024年5月2日(木) 21時44分", "2024-05-02T21:44:00"),
        ("2020-02-09T10:33:17.452463+01:00", "2020-02-09T10:33:17+01:00"),
        ("2024-05-19 23:34:01Z", "2024-05-19T23:34:01Z"),
    ])
    func readsDisplayedDates(text: String, expected: String) {
        #expect(isoDate(text) == expected, "\(text)")
    }

    @Test func rangeIsTheDateAsDisplayed() {
        #expect(matchedText("par » Eogez » Ven 30 Avr 2010 14:02") == "Ven 30 Avr 2010 14:02")
        #expect(matchedText("#2 · March 29, 2024, 11:07 am") == "March 29, 2024, 11:07 am")
        #expect(matchedText("le 14/03/2016 à 11h24, modifié") == "14/03/2016 à 11h24")
        #expect(matchedText("发表于 2024-4-5 23:20:45") == "2024-4-5 23:20:45")
        #expect(matchedText("Thu., May 16, 2024") == "Thu., May 16, 2024")
        #expect(matchedText("Message posté le 30 avril 2010 par X") == "30 avril 2010")
    }

    @Test func ambiguousNumericDatesFollowTheContext() {
        #expect(isoDate("03/04/2016") == "2016-04-03")
        #expect(isoDate("03/04/2016", DateContext(monthFirst: true)) == "2016-03-04")
        // A field above 12 settles the order whatever the context says.
        #expect(isoDate("13/04/2016", DateContext(monthFirst: true)) == "2016-04-13")
        #expect(isoDate("04/13/2016") == "2016-04-13")
        // Dots are German day-first order.
        #expect(isoDate("03.04.2016", DateContext(monthFirst: true)) == "2016-04-03")
        #expect(isoDate("12/03/99") == "1999-03-12")
    }

    @Test func yearlessDatesTakeTheReferenceYear() {
        let reference = ISO8601DateFormatter().date(from: "2024-05-28T10:30:00Z")!
        let context = DateContext(reference: reference)
        #expect(isoDate("Feb 22 at 21:54", context) == "2024-02-22T21:54:00")
        #expect(isoDate("30 décembre à 14:02", context) == "2023-12-30T14:02:00")
        #expect(isoDate("5月2日 21:44", context) == "2024-05-02T21:44:00")
        #expect(isoDate("Feb 22 at 21:54") == nil, "no reference, no year")
        #expect(isoDate("30 décembre", context) == nil, "a yearless day needs its time")
    }

    @Test func forumZoneGivesLocalTimesTheirOffset() {
        let context = DateContext(timeZone: paris)
        #expect(isoDate("14/01/2016 à 11:24", context) == "2016-01-14T11:24:00+01:00")
        #expect(isoDate("14/07/2016 à 11:24", context) == "2016-07-14T11:24:00+02:00")
        #expect(isoDate("14/07/2016", context) == "2016-07-14", "a day alone has no offset")
        #expect(isoDate("2020-02-09T10:33:17+08:00", context) == "2020-02-09T10:33:17+08:00")
        #expect(isoDate("March 6, 2023 14:02 EST", context) == "2023-03-06T14:02:00-05:00")
        // Both sides of the spring change (2024-03-31 02:00 → 03:00 in Paris).
        #expect(isoDate("31/03/2024 01:30", context) == "2024-03-31T01:30:00+01:00")
        #expect(isoDate("31/03/2024 03:30", context) == "2024-03-31T03:30:00+02:00")
    }

    @Test func isoFormatting() {
        #expect(ForumDate(year: 2010, month: 4, day: 30).iso8601() == "2010-04-30")
        #expect(ForumDate(year: 2010, month: 4, day: 30, hour: 14, minute: 2).iso8601() == "2010-04-30T14:02:00")
        #expect(ForumDate(year: 2010, month: 4, day: 30, hour: 14, minute: 2, second: 5, utcOffset: 7200).iso8601()
            == "2010-04-30T14:02:05+02:00")
        #expect(ForumDate(year: 2010, month: 4, day: 30, hour: 9, minute: 0, utcOffset: -16200).iso8601()
            == "2010-04-30T09:00:00-04:30")
        #expect(ForumDate(year: 2010, month: 4, day: 30, hour: 0, minute: 0, utcOffset: 0).iso8601() == "2010-04-30T00:00:00Z")
        #expect(ForumDate(year: 2010, month: 4, day: 30, utcOffset: 3600).iso8601() == "2010-04-30")
    }

    @Test func civilCalendarRoundTrips() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, day) = CivilCalendar.date(days: days)
            #expect(CivilCalendar.days(year: year, month: month, day: day) == days)
        }
        #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.adding(months: -1, to: (2024, 3, 31)) == (2024, 2, 29))
        #expect(CivilCalendar.adding(months: -14, to: (2024, 1, 15)) == (2022, 11, 15))
    }
}

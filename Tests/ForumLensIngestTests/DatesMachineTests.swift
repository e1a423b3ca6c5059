import Foundation
import Testing
@testable import ForumLensIngest

@Suite struct DatesMachineTests {
    private func machine(_ value: String, _ context: DateContext = DateContext()) -> String? {
        DateParser(context: context).parseMachine(value)?.iso8601()
    }

    @Test(arguments: [
        ("2020-03-03T14:02:11Z", "2020-03-03T14:02:11Z"),
        ("2020-03-03 14:02:11Z", "2020-03-03T14:02:11Z"),
        ("  2024-05-16T12:23:21+08:00 ", "2024-05-16T12:23:21+08:00"),
        ("2024-05-16T04:23:21.000Z", "2024-05-16T04:23:21Z"),
        ("2024-05-12T16:59:43.743000+0000", "2024-05-12T16:59:43Z"),
        ("2020-02-09T10:33:17.452463+01:00", "2020-02-09T10:33:17+01:00"),
        ("2019-11-05T08:15:30-05:00", "2019-11-05T08:15:30-05:00"),
        ("2024-05-16", "2024-05-16"),
        ("2024-05-16T12:23", "2024-05-16T12:23:00"),
        ("1528863483", "2018-06-13T04:18:03Z"),
        ("1528863483000", "2018-06-13T04:18:03Z"),
        ("1528863483.25", "2018-06-13T04:18:03Z"),
        ("Mon, 06 Mar 2023 14:02:11 +0000", "2023-03-06T14:02:11Z"),
        ("Mon, 06 Mar 2023 14:02:11 GMT", "2023-03-06T14:02:11Z"),
        ("Tue, 07 Mar 2023 09:15:00 -0500", "2023-03-07T09:15:00-05:00"),
        ("Mon Mar 6 14:02:11 2023 UTC", "2023-03-06T14:02:11Z"),
        ("Mon Mar  6 14:02:11 2023", "2023-03-06T14:02:11"),
        ("06 May 2024 11:18", "2024-05-06T11:18:00"),
    ])
    func readsMachineDates(value: String, expected: String) {
        #expect(machine(value) == expected, "\(value)")
    }

    @Test func unixTimesTakeTheForumZone() {
        let context = DateContext(timeZone: paris)
        #expect(machine("1528863483", context) == "2018-06-13T06:18:03+02:00")
        #expect(machine("1705000000", context) == "2024-01-11T20:06:40+01:00")
        // An explicit offset is kept; a local time gets the zone's.
        #expect(machine("2024-05-16T12:23:21+08:00", context) == "2024-05-16T12:23:21+08:00")
        #expect(machine("2024-05-16 12:23:21", context) == "2024-05-16T12:23:21+02:00")
    }

    @Test(arguments: ["", "  ", "12", "0", "abc", "v2", "99999999", "99999999999999999999", "1528863483x", "12.5.",
                      "2024-13-01", "2023-02-29", "2024-05-16T25:00"])
    func rejectsNonDates(value: String) {
        #expect(machine(value) == nil, "\(value)")
    }
}

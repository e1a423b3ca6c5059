import Foundation
import Testing
@testable import ForumLensIngest

/// The dates of real pages: every `date_as_displayed` of the development truth files must be
/// read. The files are read where they are and never copied into the project.
@Suite struct DatesTruthFileTests {
    static let folder = "/work/shared/data/forums-dev"
    static let folderExists = FileManager.default.fileExists(atPath: folder)

    private struct TruthFile: Decodable {
        struct Message: Decodable {
            let dateAsDisplayed: String?
            enum CodingKeys: String, CodingKey { case dateAsDisplayed = "date_as_displayed" }
        }
        let messages: [Message]
    }

    /// Every displayed date, by page name.
    private static func displayedDates() throws -> [(page: String, date: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".truth.json") }.sorted()
        return try names.flatMap { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
            let truth = try JSONDecoder().decode(TruthFile.self, from: data)
            return truth.messages.compactMap(\.dateAsDisplayed).map { (name, $0) }
        }
    }

    /// The pages were saved in 2024 and earlier; relative dates resolve against this day.
    private let parser = DateParser(context: DateContext(reference: ISO8601DateFormatter().date(from: "2024-06-01T12:00:00Z")))

    @Test(.enabled(if: folderExists, "forums-dev truth files not found at /work/shared/data/forums-dev: skipped"))
    func everyDisplayedDateIsRead() throws {
        let dates = try Self.displayedDates()
        #expect(dates.count > 200)
        let unread = dates.filter { parser.parse($0.date) == nil && parser.parseMachine($0.date) == nil }
        #expect(unread.isEmpty, "\(unread.prefix(20))")
    }

    @Test(.enabled(if: folderExists, "forums-dev truth files not found at /work/shared/data/forums-dev: skipped"))
    func absoluteDatesAreReadWhole() throws {
        // A displayed absolute date is matched from its first character to its last; relative
        // ones may carry words around them ("answered 6 years ago").
        let relativeWords = ["ago", "前"]
        let absolute = try Self.displayedDates().filter { entry in !relativeWords.contains { entry.date.contains($0) } }
        #expect(absolute.count > 150)
        let partial = absolute.filter { entry in
            guard let match = parser.parse(entry.date) else { return true }
            return match.range != entry.date.startIndex ..< entry.date.endIndex
        }
        #expect(partial.isEmpty, "\(partial.prefix(20))")
    }

    @Test(.enabled(if: folderExists, "forums-dev truth files not found at /work/shared/data/forums-dev: skipped"),
          arguments: [
              ("03-11-2008 à 21:40:00", "2008-11-03T21:40:00"),
              ("2020-02-09T10:33:17.452463+01:00", "2020-02-09T10:33:17+01:00"),
              ("2024-05-12T16:59:43.743000+0000", "2024-05-12T16:59:43Z"),
              ("2024年5月15日星期三 20点20分", "2024-05-15T20:20:00"),
              ("August 29, 2011 6:24 am", "2011-08-29T06:24:00"),
              ("03/13/15 09:39 AM", "2015-03-13T09:39:00"),
              ("Thursday, May 16, 2024 3:03 PM", "2024-05-16T15:03:00"),
              ("2024年04月22日", "2024-04-22"),
              ("21/05/2024 10:14 pm", "2024-05-21T22:14:00"),
              ("2 weeks ago", "2024-05-18"),
          ])
    func knownPagesReadAsTheirMachineDatesSay(displayed: String, expected: String) throws {
        let dates = try Self.displayedDates().map(\.date)
        #expect(dates.contains(displayed), "\(displayed) is in the truth files")
        #expect(parser.parse(displayed)?.date.iso8601() == expected)
    }
}

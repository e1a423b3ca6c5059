import Foundation
import ForumLensCore
import Testing
@testable import ForumLensIngest

@Suite struct InputPageBytesTests {
    private let megabyte = 1 << 20

    private func problem(_ body: () throws(Problem) -> [UInt8]) -> Problem? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func readsAPlainFileAndAnEmptyOne() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let page = try scratch.file("page.html", "<p>Bonjour</p>")
        let empty = try scratch.file("empty.html", [])
        #expect(try PageBytes.read(path: page, maxBytes: megabyte) == Array("<p>Bonjour</p>".utf8))
        #expect(try PageBytes.read(path: empty, maxBytes: megabyte) == [])
    }

    @Test func refusesAnOversizedFileBeforeReadingIt() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        // A sparse file: 200 MB on paper, nothing on disk.
        let path = scratch.url("huge.html")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 200 * 1 << 20) == 0)
        let refused = problem { () throws(Problem) in try PageBytes.read(path: path, maxBytes: 64 * megabyte) }
        #expect(refused == Problem(
            path: path, severity: .error, message: "page is 200.0 MB, over the 64 MB limit (--max-page-size)"))
        let small = try scratch.file("small.html", [UInt8](repeating: 0x41, count: 1500))
        let tight = problem { () throws(Problem) in try PageBytes.read(path: small, maxBytes: 1024) }
        #expect(tight?.message == "page is 1.5 KB, over the 1 KB limit (--max-page-size)")
    }

    @Test func inflatesGzipIncludingConcatenatedMembers() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let first = Array("<html><body>première partie".utf8)
        let second = Array(" et seconde</body></html>".utf8)
        let single = try scratch.gzipFile("one.html.gz", first + second)
        #expect(try PageBytes.read(path: single, maxBytes: megabyte) == first + second)

        let a = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try scratch.gzipFile("a.gz", first))))
        let b = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try scratch.gzipFile("b.gz", second))))
        let joined = try scratch.file("joined.html.gz", a + b)
        #expect(try PageBytes.read(path: joined, maxBytes: megabyte) == first + second)
        // Zero padding after the last member (as tar writes) is ignored, as gzip does.
        let padded = try scratch.file("padded.html.gz", a + [UInt8](repeating: 0, count: 512))
        #expect(try PageBytes.read(path: padded, maxBytes: megabyte) == first)
    }

    @Test func truncatedOrCorruptGzipIsAProblemWithTheReason() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        var generator = SplitMix(seed: 7)
        let text = (0 ..< 200_000).map { _ in UInt8(0x61 + generator.next() % 26) }
        let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try scratch.gzipFile("whole.html.gz", text))))

        let truncated = try scratch.file("truncated.html.gz", Array(whole.prefix(whole.count / 2)))
        let cut = problem { () throws(Problem) in try PageBytes.read(path: truncated, maxBytes: megabyte) }
        #expect(cut?.severity == .error)
        #expect(cut?.message.contains("truncated gzip data") == true)

        var damaged = whole
        for index in stride(from: 40, to: 400, by: 3) { damaged[index] ^= 0x5A }
        let corrupt = try scratch.file("corrupt.html.gz", damaged)
        let bad = problem { () throws(Problem) in try PageBytes.read(path: corrupt, maxBytes: megabyte) }
        #expect(bad?.severity == .error)
        #expect(bad?.message.hasPrefix("corrupt gzip data (") == true)
    }

    @Test func aGzipBombStopsAtTheLimit() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let bomb = try scratch.gzipFile("bomb.html.gz", [UInt8](repeating: 0x20, count: 16 * megabyte))
        let compressedSize = try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int ?? .max
        #expect(compressedSize < 100_000)
        let refused = problem { () throws(Problem) in try PageBytes.read(path: bomb, maxBytes: megabyte) }
        #expect(refused?.message == "gzip data inflates to more than 1 MB, over the limit (--max-page-size)")
        #expect(try PageBytes.read(path: bomb, maxBytes: 16 * megabyte).count == 16 * megabyte)
    }

    @Test(.timeLimit(.minutes(1)))
    func refusesWhatIsNotARegularFileWithoutOpeningIt() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        // Opening this FIFO for reading would block the test until a writer came.
        let fifo = try scratch.fifo("pipe.html")
        let directory = try scratch.directory("folder.html")
        let missing = scratch.url("missing.html")
        let cases = [
            (fifo, "not a regular file (FIFO)"),
            (directory, "not a regular file (directory)"),
            (missing, "no such file or directory"),
        ]
        for (path, reason) in cases {
            let refused = problem { () throws(Problem) in try PageBytes.read(path: path, maxBytes: megabyte) }
            #expect(refused == Problem(path: path, severity: .error, message: reason))
        }
    }

    @Test func tellsBinaryFromText() {
        #expect(!PageBytes.looksBinary(Array("<p>Réseaux\tsociaux\r\n</p>".utf8)))
        #expect(!PageBytes.looksBinary(Array("caf".utf8) + [0xE9]), "Latin-1 text is text")
        #expect(!PageBytes.looksBinary([0xFF, 0xFE] + Array("<p>".utf16.flatMap { [UInt8($0), 0] })), "UTF-16 with a BOM")
        #expect(!PageBytes.looksBinary([]))
        #expect(PageBytes.looksBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), "a PNG")
        #expect(PageBytes.looksBinary(Array("<p>".utf16.flatMap { [UInt8($0), 0] })), "UTF-16 without a BOM has NULs")
        let controls = (0 ..< 100).map { UInt8($0 % 2 == 0 ? 0x41 : 0x07) }
        #expect(PageBytes.looksBinary(controls))
        // The NUL past the first 8 KB is not looked at.
        #expect(!PageBytes.looksBinary([UInt8](repeating: 0x41, count: 9000) + [0]))
    }
}

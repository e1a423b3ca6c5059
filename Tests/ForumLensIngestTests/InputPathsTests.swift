import Foundation
import ForumLensCore
import Testing
@testable import ForumLensIngest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct InputPathsTests {
    private let comma = InputKind.messagesCSV(separator: UInt8(ascii: ","))
    private let tab = InputKind.messagesCSV(separator: UInt8(ascii: "\t"))

    @Test func namedFilesTakeTheirKindFromTheExtension() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let names: [(String, InputKind)] = [
            ("a.html", .page), ("b.HTM", .page), ("c.xhtml", .page), ("d.shtml", .page), ("e.html.gz", .page),
            ("f.mht", .mhtml), ("g.mhtml.GZ", .mhtml), ("h.jsonl", .messagesJSONL), ("i.ndjson.gz", .messagesJSONL),
            ("j.csv", comma), ("k.tsv", tab), ("l.csv.gz", comma),
        ]
        // The content does not matter when the name says: these are read as named.
        let paths = try names.map { try scratch.file($0.0, "x") }
        let (items, problems) = InputPaths.expand(paths)
        #expect(problems.isEmpty)
        #expect(items == zip(paths, names).map { InputItem(path: $0, kind: $1.1) })
    }

    @Test func namedFilesWithOtherNamesAreSniffed() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let page = try scratch.file("viewtopic.php", "\n  <!DOCTYPE html><html>")
        let bomPage = try scratch.file("saved.txt", [0xEF, 0xBB, 0xBF] + Array("<html>".utf8))
        let messages = try scratch.file("export.json", "{\"text\": \"x\"}\n")
        let chrome = try scratch.file("archive.bin", "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n")
        let ie = try scratch.file("archive2", "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n")
        let gzipped = try scratch.gzipFile("page.gz", Array("<html><body>".utf8))
        let text = try scratch.file("notes.txt", "Just some notes.")
        let empty = try scratch.file("empty.dat", [])
        let (items, problems) = InputPaths.expand([page, bomPage, messages, chrome, ie, gzipped, text, empty])
        #expect(items == [
            InputItem(path: page, kind: .page), InputItem(path: bomPage, kind: .page),
            InputItem(path: messages, kind: .messagesJSONL), InputItem(path: chrome, kind: .mhtml),
            InputItem(path: ie, kind: .mhtml), InputItem(path: gzipped, kind: .page),
        ])
        #expect(problems.map(\.path) == [text, empty])
        #expect(problems.allSatisfy { $0.severity == .error })
        #expect(problems[0].message.hasPrefix("unknown input type"))
        #expect(problems[1].message.hasPrefix("empty file whose name does not say its type"))
    }

    @Test(.timeLimit(.minutes(1)))
    func badNamedPathsGiveProblemsWithPlainReasons() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let missing = scratch.url("missing.html")
        let dangling = try scratch.symlink("dangling.html", to: scratch.url("gone.html"))
        let fifo = try scratch.fifo("pipe.html")
        let selfLoop = try scratch.symlink("loop.html", to: scratch.url("loop.html"))
        let (items, problems) = InputPaths.expand([missing, dangling, fifo, selfLoop])
        #expect(items.isEmpty)
        #expect(problems == [
            Problem(path: missing, severity: .error, message: "no such file or directory"),
            Problem(path: dangling, severity: .error,
                    message: "dangling symbolic link: its target \(scratch.url("gone.html")) does not exist"),
            Problem(path: fifo, severity: .error, message: "not a regular file (FIFO)"),
            Problem(path: selfLoop, severity: .error, message: "symbolic link loop (too many levels of symbolic links)"),
        ])
    }

    @Test func aFileGivenTwiceIsReadOnce() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let page = try scratch.file("dir/page.html", "<p>")
        let link = try scratch.symlink("alias.html", to: page)
        let (items, problems) = InputPaths.expand([page, scratch.url("dir/../dir/page.html"), link, scratch.url("dir")])
        #expect(problems.isEmpty)
        #expect(items == [InputItem(path: page, kind: .page)])
    }

    /// A saved-pages folder as browsers leave it: pages, their resource folders, a page
    /// without one, message files, resources, and everything that can go wrong.
    @Test(.timeLimit(.minutes(1)))
    func walksADirectoryTreeInNaturalOrderSkippingResourceFolders() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let root = try scratch.directory("saved")
        try scratch.file("saved/page10.html", "<p>")
        try scratch.file("saved/page2.html", "<p>")
        try scratch.file("saved/page2_files/frame.html", "<p>resource</p>")
        try scratch.file("saved/page2_files/style.css", "p {}")
        try scratch.file("saved/Fil.htm", "<p>")
        try scratch.file("saved/Fil_fichiers/iframe.htm", "<p>")
        try scratch.file("saved/Seite.html", "<p>")
        try scratch.file("saved/Seite-Dateien/x.html", "<p>")
        try scratch.file("saved/Pagina.html", "<p>")
        try scratch.file("saved/Pagina_file/x.html", "<p>")
        try scratch.file("saved/orphan_files/kept.html", "<p>")
        try scratch.file("saved/.git/hidden.html", "<p>")
        try scratch.file("saved/.hidden.html", "<p>")
        try scratch.file("saved/logo.png", [0x89, 0x50])
        try scratch.file("saved/sub/messages.jsonl", "{}")
        try scratch.file("saved/sub/table.tsv", "text\n")
        try scratch.file("saved/sub/showthread.php?t=7", "<html>")
        try scratch.file("saved/sub/api.php", "{\"json\": true}")
        try scratch.file("saved/x.html/inner.mht", "MIME-Version: 1.0")
        try scratch.symlink("saved/sub/loop", to: root)
        try scratch.symlink("saved/sub/gone.html", to: scratch.url("nowhere.html"))
        try scratch.symlink("saved/sub/gone.png", to: scratch.url("nowhere.png"))
        try scratch.fifo("saved/sub/pipe.html")
        try scratch.fifo("saved/sub/pipe.log")

        let (items, problems) = InputPaths.expand([root])
        #expect(items.map { String($0.path.dropFirst(root.count + 1)) } == [
            "Fil.htm", "orphan_files/kept.html", "page2.html", "page10.html", "Pagina.html", "Seite.html",
            "sub/messages.jsonl", "sub/showthread.php?t=7", "sub/table.tsv", "x.html/inner.mht",
        ])
        #expect(items.map(\.kind) == [.page, .page, .page, .page, .page, .page, .messagesJSONL, .page, tab, .mhtml])
        #expect(problems == [
            Problem(path: root + "/sub/gone.html", severity: .error,
                    message: "dangling symbolic link: its target \(scratch.url("nowhere.html")) does not exist"),
            Problem(path: root + "/sub/gone.png", severity: .warning,
                    message: "dangling symbolic link: its target \(scratch.url("nowhere.png")) does not exist"),
            Problem(path: root + "/sub/loop", severity: .warning,
                    message: "symbolic link loop: leads back to \(root); not followed"),
            Problem(path: root + "/sub/pipe.html", severity: .error, message: "not a regular file (FIFO)"),
            Problem(path: root + "/x.html", severity: .warning, message: "a directory with a page's name; walked as a directory"),
        ])
    }

    @Test func anEmptyDirectoryIsAWarning() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let empty = try scratch.directory("empty")
        try scratch.file("empty/readme.txt", "nothing here")
        #expect(InputPaths.expand([empty]).problems == [Problem(
            path: empty, severity: .warning, message: "no page or message file in this directory (\(InputNaming.extensionList))")])
    }

    /// Root reads any directory, so this only runs where permissions can lock one.
    @Test(.enabled(if: geteuid() != 0, "root reads directories whatever their mode"))
    func anUnreadableDirectoryIsAnError() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        try scratch.file("top/a.html", "<p>")
        let locked = try scratch.directory("top/locked")
        try scratch.file("top/locked/b.html", "<p>")
        #expect(chmod(locked, 0) == 0)
        let (items, problems) = InputPaths.expand([scratch.url("top")])
        #expect(items.map(\.path) == [scratch.url("top/a.html")])
        #expect(problems == [Problem(path: locked, severity: .error, message: "cannot read the directory: permission denied")])
    }

    @Test func expandsGlobsThatAreNotExistingPaths() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        try scratch.file("t/p1.html", "<p>")
        try scratch.file("t/p2.htm", "<p>")
        try scratch.file("t/pa.html", "<p>")
        try scratch.file("t/deep/er/m.jsonl", "{}")
        try scratch.file("t/deep/n.jsonl", "{}")
        try scratch.file("t/.hidden.jsonl", "{}")
        try scratch.file("t/img.png", [0x89])
        let literal = try scratch.file("t/[draft].html", "<p>")

        func paths(_ pattern: String) -> [String] {
            InputPaths.expand([scratch.url(pattern)]).items.map { String($0.path.dropFirst(scratch.path.count + 1)) }
        }
        #expect(paths("t/*.htm*") == ["t/[draft].html", "t/p1.html", "t/p2.htm", "t/pa.html"])
        #expect(paths("t/p?.html") == ["t/p1.html", "t/pa.html"])
        #expect(paths("t/p[0-9].*") == ["t/p1.html", "t/p2.htm"])
        #expect(paths("t/**/*.jsonl") == ["t/deep/n.jsonl", "t/deep/er/m.jsonl"])
        #expect(paths("t/.*.jsonl") == ["t/.hidden.jsonl"])
        #expect(paths("*/deep") == ["t/deep/er/m.jsonl", "t/deep/n.jsonl"], "a matched directory is walked")
        // An existing path is taken as it is, even with glob characters in its name.
        #expect(InputPaths.expand([literal]).items == [InputItem(path: literal, kind: .page)])

        let none = InputPaths.expand([scratch.url("t/*.mhtml")])
        #expect(none.problems == [Problem(path: scratch.url("t/*.mhtml"), severity: .error, message: "no file matches this pattern")])
        let useless = InputPaths.expand([scratch.url("t/*.png")])
        #expect(useless.items.isEmpty)
        #expect(useless.problems.first?.message.hasPrefix("1 path matches this pattern, but none is or holds a page") == true)
    }

    @Test func readsPathListsFromStdin() throws {
        let scratch = try ScratchDirectory(prefix: "forumlens-input")
        let a = try scratch.file("a.html", "<p>")
        let b = try scratch.file("with space.jsonl", "{}")
        let lines = InputPaths.fromPathList("\(a)\r\n\n   \(b)  \n\n")
        #expect(lines.items == [InputItem(path: a, kind: .page), InputItem(path: b, kind: .messagesJSONL)])
        #expect(lines.problems.isEmpty)
        let nulSeparated = InputPaths.fromPathList("\(b)\0\(a)\0")
        #expect(nulSeparated.items.map(\.path) == [b, a])
    }

    @Test func tellsMessagesOnStdinFromAPathList() {
        #expect(InputPaths.stdinHoldsMessages(Array("\n  {\"text\": \"x\"}".utf8)))
        #expect(InputPaths.stdinHoldsMessages([0xEF, 0xBB, 0xBF] + Array("{".utf8)))
        #expect(!InputPaths.stdinHoldsMessages(Array("pages/a.html\n".utf8)))
        #expect(!InputPaths.stdinHoldsMessages([]))
    }

    @Test func ordersNamesNaturally() {
        let names = ["page10.html", "page2.html", "page1.html", "Page3.html", "page02.html", "a", "a1", "a01b"]
        #expect(names.sorted(by: NaturalOrder.precedes) == [
            "a", "a1", "a01b", "page1.html", "page02.html", "page2.html", "Page3.html", "page10.html",
        ])
    }
}

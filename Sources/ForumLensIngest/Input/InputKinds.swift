#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file name says about its kind, and what its first bytes say when the name does not.
enum InputNaming {
    enum Verdict: Equatable {
        /// A known extension: `.html`, `.mhtml.gz`, `.tsv`.
        case known(InputKind)
        /// A server script's name as browsers and wget save it (`viewtopic.php`,
        /// `showthread.php?t=12`): a page if its content starts with `<`.
        case script
        case unknown
    }

    static let extensionList = ".html, .htm, .xhtml, .shtml, .mht, .mhtml, .jsonl, .ndjson, .csv or .tsv (optionally .gz)"

    static func verdict(forName name: String) -> Verdict {
        var lowered = name.lowercased()
        if lowered.hasSuffix(".gz") { lowered.removeLast(3) }
        // wget keeps the query string in the name: `viewtopic.php?f=3&t=12`.
        if let question = lowered.firstIndex(of: "?") { lowered = String(lowered[..<question]) }
        guard let dot = lowered.lastIndex(of: "."), dot != lowered.startIndex else { return .unknown }
        switch lowered[lowered.index(after: dot)...] {
        case "html", "htm", "xhtml", "shtml": return .known(.page)
        case "mht", "mhtml": return .known(.mhtml)
        case "jsonl", "ndjson": return .known(.messagesJSONL)
        case "csv": return .known(.messagesCSV(separator: UInt8(ascii: ",")))
        case "tsv": return .known(.messagesCSV(separator: UInt8(ascii: "\t")))
        case "php", "php3", "php4", "php5", "asp", "aspx", "jsp", "jspa", "cgi", "pl", "cfm", "do", "dll":
            return .script
        default: return .unknown
        }
    }

    /// True for a page name (`x.html`, `x.htm.gz`): what a directory should not be called.
    static func hasPageName(_ name: String) -> Bool {
        switch verdict(forName: name) {
        case .known(.page), .known(.mhtml): true
        default: false
        }
    }

    /// The stem of a page saved "complete" (`Thread.html` → `Thread`), whose resource folder
    /// sits beside it.
    static func savedPageStem(_ name: String) -> String? {
        let lowered = name.lowercased()
        for suffix in [".html", ".htm", ".xhtml", ".shtml"] where lowered.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return nil
    }

    /// The resource-folder names of "save page complete" across browsers and languages:
    /// Chrome/English `_files`, French Firefox `_fichiers`, German `-Dateien`, Spanish
    /// `_archivos`, Portuguese `_arquivos`, Italian `_file`, Dutch `_bestanden`, Polish
    /// `_pliki`, Scandinavian `_filer`, Finnish `_tiedostot`, Czech `_soubory`, Turkish `_dosyalar`.
    static let resourceFolderSuffixes = [
        "_files", "_fichiers", "-Dateien", "_archivos", "_arquivos", "_file",
        "_bestanden", "_pliki", "_filer", "_tiedostot", "_soubory", "_dosyalar",
    ]

    /// The kind the content shows, for a file whose name does not say: the first non-blank
    /// bytes after a byte-order mark (inflated first when gzipped). Nil when the file cannot
    /// be opened or shows none; `isEmpty` tells an empty file apart.
    static func sniff(path: String) -> (kind: InputKind?, isEmpty: Bool) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return (nil, false) }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 4096)
        let count = head.withUnsafeMutableBytes { buffer -> Int in
            var total = 0
            while total < buffer.count {
                let got = systemRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                total += got
            }
            return total
        }
        guard count > 0 else { return (nil, true) }
        head.removeSubrange(count...)
        if Gzip.hasMagic(head) {
            head = head.withUnsafeBytes { Gzip.inflatedPrefix($0, count: 4096) }
        }
        return (sniff(head), false)
    }

    static func sniff(_ head: [UInt8]) -> InputKind? {
        var index = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        // UTF-16 with a byte-order mark: only a page can be written that way.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return head.dropFirst(2).contains(UInt8(ascii: "<")) ? .page : nil
        }
        while index < head.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(head[index]) { index += 1 }
        guard index < head.count else { return nil }
        switch head[index] {
        case UInt8(ascii: "<"): return .page
        case UInt8(ascii: "{"): return .messagesJSONL
        default: break
        }
        let start = String(decoding: head[index ..< min(head.count, index + 64)], as: UTF8.self).lowercased()
        if start.hasPrefix("mime-version:") || start.hasPrefix("from:") || start.hasPrefix("content-type: multipart") {
            return .mhtml
        }
        return nil
    }
}

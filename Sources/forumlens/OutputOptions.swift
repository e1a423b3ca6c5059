import ArgumentParser
import Foundation
import ForumLensCore
import ForumLensReport
import ForumLensSQLite

enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case json, jsonl, csv, md, html, sqlite

    /// The fixed file name in an output directory (csv writes several tables there).
    var fileName: String {
        switch self {
        case .json: "report.json"
        case .jsonl: "report.jsonl"
        case .csv: "messages.csv"
        case .md: "report.md"
        case .html: "report.html"
        case .sqlite: "report.sqlite"
        }
    }
}

enum CSVDialectName: String, ExpressibleByArgument, CaseIterable {
    case rfc4180, excel
    case excelFR = "excel-fr"
}

/// `--format` and `--out`, as the command-line contract says: a file for one single-file
/// format, a directory for csv, several formats or a path ending in `/`, `-` for stdout; no `--out`, no data.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Comma list of output formats: json, jsonl, csv, md, html, sqlite.")
    var format: String = "json"

    @Option(name: .long, help: "A file (one single-file format), a directory (csv, several formats, or a path ending in /), or - for stdout. Without it, only a summary is printed.")
    var out: String?

    @Option(name: .long, help: ArgumentHelp(
        "CSV for a spreadsheet: rfc4180 (commas, UTF-8), excel (the same with a byte order mark, so that Excel keeps the accents) or excel-fr (semicolons, decimal commas and the mark, for French Excel and LibreOffice).",
        valueName: "dialect"))
    var csvDialect: CSVDialectName = .rfc4180

    @Flag(name: .long, help: "The same as --csv-dialect excel.")
    var excel = false

    var dialect: CSVDialect {
        switch excel ? .excel : csvDialect {
        case .rfc4180: .standard
        case .excel: .excel
        case .excelFR: .excelFrench
        }
    }

    var formats: [OutputFormat] {
        get throws {
            var formats: [OutputFormat] = []
            for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
                guard let format = OutputFormat(rawValue: name) else {
                    throw ValidationError("unknown format '\(name)'; available: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if !formats.contains(format) { formats.append(format) }
            }
            guard !formats.isEmpty else { throw ValidationError("--format needs at least one format") }
            return formats
        }
    }

    func validate() throws {
        let formats = try formats
        if out == "-", formats.count > 1 {
            throw ValidationError("--out - writes one format to stdout; asked for \(formats.count)")
        }
        if out == "-", formats == [.sqlite] { throw ValidationError("sqlite is a database file: give --out a path") }
    }

    /// Whether `--out` is a directory: for csv, several formats, a path ending in `/`, or a
    /// directory already there.
    var intoDirectory: Bool {
        get throws {
            var isDirectory: ObjCBool = false
            let exists = out.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) } ?? false
            return try formats.count > 1 || formats.contains(.csv) || out?.hasSuffix("/") == true || (exists && isDirectory.boolValue)
        }
    }

    /// Opens one writer per format, each writing on a thread of its own (`BackgroundWriter`).
    /// Everything is written to temporary files and put in place only when the run completes.
    func writers(analyzers: [AnalyzerInfo] = []) throws -> [BackgroundWriter] {
        try formatWriters(analyzers: analyzers).map { BackgroundWriter($0) }
    }

    private func formatWriters(analyzers: [AnalyzerInfo]) throws -> [any ReportWriter] {
        guard let out else { return [] }
        let formats = try formats
        if out == "-" {
            let sink = OutputSink.standardOutput()
            switch formats[0] {
            case .json: return [try JSONReportWriter(sink: sink)]
            case .jsonl: return [JSONLinesWriter(sink: sink)]
            case .csv: return [try CSVTablesWriter(messagesOnly: sink, analyzers: analyzers, dialect: dialect)]
            case .md: return [try MarkdownReportWriter(sink: sink)]
            case .html: return [try HTMLReportWriter(sink: sink)]
            case .sqlite: throw ValidationError("sqlite is a database file: give --out a path")
            }
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory)
        let intoDirectory = try self.intoDirectory
        if intoDirectory {
            if !exists {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } else if !isDirectory.boolValue {
                throw ValidationError("--out \(out) is a file, but csv, several formats or a path ending in / need a directory")
            }
        }
        return try formats.map { format in
            let path = intoDirectory ? out + "/" + format.fileName : out
            switch format {
            case .json: return try JSONReportWriter(sink: OutputSink.file(path))
            case .jsonl: return JSONLinesWriter(sink: try OutputSink.file(path))
            case .csv: return try CSVTablesWriter(directory: out, analyzers: analyzers, dialect: dialect)
            case .md: return try MarkdownReportWriter(sink: OutputSink.file(path))
            case .html: return try HTMLReportWriter(sink: OutputSink.file(path))
            case .sqlite: return try SQLiteReportWriter(path: path)
            }
        }
    }
}

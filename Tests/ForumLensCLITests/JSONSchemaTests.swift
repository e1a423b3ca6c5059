import Foundation
import ForumLensTestSupport
import Testing

/// docs/report.schema.json against what forumlens writes: report.json and every line of
/// report.jsonl for the whole of corpora/, with the analyzers, validate; a report broken on
/// purpose does not.
@Suite struct JSONSchemaTests {
    static func schema() throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: EvalTests.root + "/docs/report.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func reportsOfTheCorpusValidate() async throws {
        let schema = try Self.schema()
        #expect(schema["title"] as? String == "forumlens/report@1")
        let scratch = try ScratchDirectory()
        let out = scratch.url("report")
        let run = try await ForumLensCommand.run([
            "analyze", Corpus.root, "--profile", Corpus.path("profiles/bulletin-du-lac.yml"), "--format", "json,jsonl", "--out", out,
        ])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let validator = SchemaValidator(root: schema)
        let json = try JSONSerialization.jsonObject(with: try #require(FileManager.default.contents(atPath: out + "/report.json")))
        #expect(validator.errors(json).isEmpty, "\(validator.errors(json).prefix(5))")
        let lines = try String(contentsOfFile: out + "/report.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 100)
        for line in lines {
            let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
            let errors = validator.errors(value, against: ["$ref": "#/$defs/line"])
            #expect(errors.isEmpty, "\(errors.prefix(3)) in \(line.prefix(120))")
        }
        // The schema is not a rubber stamp.
        var broken = try #require(json as? [String: Any])
        var discussions = try #require(broken["discussions"] as? [[String: Any]])
        var messages = try #require(discussions[0]["messages"] as? [[String: Any]])
        messages[0]["position"] = "first"
        messages[1]["mood"] = 1
        discussions[0]["messages"] = messages
        broken["discussions"] = discussions
        broken.removeValue(forKey: "problems")
        #expect(validator.errors(broken).count == 3, "\(validator.errors(broken))")
    }
}

/// The part of JSON Schema (2020-12) that docs/report.schema.json uses: $ref to #/$defs,
/// allOf, anyOf, oneOf, type, const, enum, properties, required, additionalProperties,
/// propertyNames, items, minimum, maximum.
struct SchemaValidator {
    let root: [String: Any]

    func errors(_ value: Any, against schema: [String: Any]? = nil, at path: String = "$") -> [String] {
        let schema = schema ?? root
        var found: [String] = []
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): unknown \(reference)"] }
            found += errors(value, against: target, at: path)
        }
        for part in schema["allOf"] as? [[String: Any]] ?? [] { found += errors(value, against: part, at: path) }
        if let options = schema["anyOf"] as? [[String: Any]], !options.contains(where: { errors(value, against: $0, at: path).isEmpty }) {
            found.append("\(path): matches none of anyOf")
        }
        if let options = schema["oneOf"] as? [[String: Any]], options.filter({ errors(value, against: $0, at: path).isEmpty }).count != 1 {
            found.append("\(path): matches not exactly one of oneOf")
        }
        if let types = schema["type"].map({ $0 as? [String] ?? [$0 as? String ?? ""] }), !types.contains(where: { Self.isOf($0, value) }) {
            return found + ["\(path): \(String(describing: value).prefix(40)) is not \(types.joined(separator: " or "))"]
        }
        if let constant = schema["const"], !Self.same(constant, value) { found.append("\(path): is not \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.same($0, value) }) { found.append("\(path): \(value) is not one of \(options)") }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum { found.append("\(path): \(number) < \(minimum)") }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum { found.append("\(path): \(number) > \(maximum)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil { found.append("\(path): \(name) is missing") }
            for (name, field) in object.sorted(by: { $0.key < $1.key }) {
                if let names = (schema["propertyNames"] as? [String: Any])?["enum"] as? [String], !names.contains(name) {
                    found.append("\(path): \(name) is not a known field")
                }
                if let property = properties[name] as? [String: Any] {
                    found += errors(field, against: property, at: path + "." + name)
                } else if let additional = schema["additionalProperties"] {
                    if additional as? Bool == false {
                        found.append("\(path): \(name) is not allowed")
                    } else if let additional = additional as? [String: Any] {
                        found += errors(field, against: additional, at: path + "." + name)
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { found += errors(item, against: items, at: path + "[\(index)]") }
        }
        return found
    }

    static func number(_ value: Any) -> Double? {
        guard !(value is String), !(value is [Any]), !(value is [String: Any]), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    static func isOf(_ type: String, _ value: Any) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "null": value is NSNull
        case "number": number(value) != nil
        case "integer": number(value).map { $0 == $0.rounded() } ?? false
        case "boolean": value is Bool
        default: false
        }
    }

    static func same(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = number(a), let b = number(b) { return a == b }
        return false
    }
}

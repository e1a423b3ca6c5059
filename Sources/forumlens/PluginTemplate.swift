/// The Swift plugin `forumlens analyzers new NAME` writes: it compiles, counts the words of a
/// list in each message, and carries French and English examples that `analyzers test` runs.
enum PluginTemplate {
    /// `MyAnalyzer` → `my-analyzer`.
    static func id(of name: String) -> String {
        var id = ""
        for character in name {
            if character.isUppercase, !id.isEmpty { id += "-" }
            id += character.lowercased()
        }
        return id
    }

    static func source(name: String) -> String {
        """
        import ForumLensAnalysis
        import ForumLensCore

        /// \(name): what it finds in each message (edit this line, the words and the examples).
        /// Registered by the build: no list to edit. Test it with `forumlens analyzers test \(id(of: name))`.
        public struct \(name)Analyzer: Analyzer {
            public init() {}

            /// The words it counts, lowercased (the text layer's tokens are lowercased too).
            static let words: Set<String> = ["merci", "thanks", "thank"]

            public var descriptor: AnalyzerDescriptor {
                AnalyzerDescriptor(
                    id: "\(id(of: name))", version: "0.1.0", summary: "Words of a list in each message",
                    languages: ["fr", "en"],
                    produces: [.init("count", "words of the list in the message")],
                    examples: [
                        .init("fr", "Merci pour vos conseils, merci encore !", ["count": 2]),
                        .init("en", "Thanks, that helps.", ["count": 1]),
                    ])
            }

            public func analyze(_ input: AnalyzerInput) -> JSONValue {
                let count = input.text.tokens.filter { Self.words.contains($0.lowercased) }.count
                return ["count": .number(Double(count))]
            }

            /// Summed per discussion, per author and per corpus.
            public func tally(_ result: JSONValue) -> Tally {
                guard case let .number(count)? = result["count"] else { return Tally() }
                return Tally([("words", count), ("messages with words", count > 0 ? 1 : 0)])
            }
        }

        """
    }
}

/// A CSS selector of a site profile, compiled once and matched on an `HTMLTree`; `xpath` is
/// its translation (the same elements), shown by `--explain` and in validation messages.
///
/// The subset: type selectors and `*`, `.class`, `#id`, attribute tests (`[a]`, `[a=v]`,
/// `[a~=v]`, `[a^=v]`, `[a$=v]`, `[a*=v]`, `[a|=v]`, values quoted or not), `:first-child`,
/// `:last-child`, the descendant (blank) and child (`>`) combinators, and lists (`a, b`).
/// Tag and attribute names are matched in lower case, as libxml2 reads them; values as written.
public struct Selector: Sendable, CustomStringConvertible {
    public let description: String
    /// Alternatives (`a, b`), each compound selectors from the outermost to the subject.
    let alternatives: [[Step]]

    struct Step: Sendable {
        /// How this step relates to the one before it (ignored on the first).
        var combinator: Combinator = .descendant
        var tag: String?
        var tests: [Test] = []

        /// The class words an element needs to pass this step.
        var classWords: [[UInt8]] {
            tests.compactMap { test in
                switch test {
                case let .hasClass(name), let .attribute("class", .word(name)?), let .attribute("class", .equals(name)?):
                    return name.contains(where: \.isWhitespace) ? nil : Array(name.utf8)
                default: return nil
                }
            }
        }
    }

    enum Combinator: Sendable { case descendant, child }

    enum Test: Sendable {
        case hasClass(String)
        case attribute(name: String, match: AttributeMatch?)
        case firstChild, lastChild
    }

    enum AttributeMatch: Sendable {
        case equals(String), word(String), prefix(String), suffix(String), contains(String), dashPrefix(String)

        var value: String {
            switch self {
            case let .equals(value), let .word(value), let .prefix(value), let .suffix(value), let .contains(value), let .dashPrefix(value):
                return value
            }
        }
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// 1-based character position in the selector.
        public var column: Int
        public var reason: String
        public var description: String { "at character \(column): \(reason)" }
    }

    public init(_ text: String) throws(ParseError) {
        var parser = Parser(Array(text.unicodeScalars))
        alternatives = try parser.selectorList()
        description = text
    }

    /// Attribute names the selector tests (they must be kept in the tree).
    var attributeNames: Set<String> {
        var names = Set<String>()
        for test in alternatives.joined().flatMap(\.tests) {
            switch test {
            case .hasClass: names.insert("class")
            case let .attribute(name, _): names.insert(name)
            case .firstChild, .lastChild: break
            }
        }
        return names
    }

    // MARK: Matching

    /// Every element of `tree` the selector matches, in document order.
    public func matches(in tree: HTMLTree) -> [HTMLTree.NodeID] {
        let matcher = Matcher(self, tree)
        return (0 ..< Int32(tree.count)).filter { matcher.matches($0) }
    }

    /// Whether some element of `tree` matches (stops at the first). `words`, the page's class
    /// words, rules most selectors out before any element is tried.
    func occurs(in tree: HTMLTree, words: ClassWords? = nil) -> Bool {
        if let words, !alternatives.contains(where: { $0.allSatisfy { $0.classWords.allSatisfy(words.contains) } }) {
            return false
        }
        let matcher = Matcher(self, tree)
        return (0 ..< Int32(tree.count)).contains { matcher.matches($0) }
    }

    /// The class words of a page, as byte hashes: engines' page selectors are tried on every
    /// page of a run, and most name a class word the page does not use.
    struct ClassWords {
        private var hashes = DenseIDs(capacity: 256)

        init(_ tree: HTMLTree) {
            guard let classID = tree.attributeNames.firstIndex(of: "class").map({ UInt16($0) }) else { return }
            var values = DenseIDs(capacity: 256)
            for node in 0 ..< Int32(tree.count) where tree[node].kind == .element {
                guard let value = tree.attributeBytes(classID, of: node) else { continue }
                // Pages repeat a few hundred class strings over thousands of elements.
                let before = values.count
                _ = values.id(of: Self.hash(value))
                guard values.count > before else { continue }
                var start = value.startIndex
                while start < value.endIndex {
                    while start < value.endIndex, value[start].isBlank { start += 1 }
                    var end = start
                    while end < value.endIndex, !value[end].isBlank { end += 1 }
                    if end > start { _ = hashes.id(of: Self.hash(value[start ..< end])) }
                    start = end
                }
            }
        }

        func contains(_ word: [UInt8]) -> Bool { hashes.existing(Self.hash(word[...])) != nil }

        private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            var hasher = ByteHash(seed: 0x5E1E)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            return UInt64(bitPattern: Int64(hasher.finalize()))
        }
    }

    /// The first element inside `root` (not `root` itself) the selector matches.
    func first(in tree: HTMLTree, under root: HTMLTree.NodeID) -> HTMLTree.NodeID? {
        Matcher(self, tree).first(under: root)
    }

    /// The selector with its names looked up once in one tree: tags and attributes as the
    /// tree's ids, values as bytes (engines' page tests run on every page of a run, and a
    /// profile's fields are looked for in every post of a page).
    struct Matcher {
        let tree: HTMLTree
        /// Per alternative, per step: nil when the step can match nothing in this tree.
        let alternatives: [[ResolvedStep?]]

        struct ResolvedStep {
            var combinator: Combinator
            var tag: UInt16?
            var tests: [ResolvedTest]
        }

        enum ResolvedTest {
            case attribute(UInt16, AttributeMatch?, [UInt8])
            case hasClass(UInt16, [UInt8])
            case firstChild, lastChild
        }

        init(_ selector: Selector, _ tree: HTMLTree) {
            self.tree = tree
            func attributeID(_ name: String) -> UInt16? { tree.attributeNames.firstIndex(of: name).map { UInt16($0) } }
            alternatives = selector.alternatives.map { steps in
                steps.map { step -> ResolvedStep? in
                    var resolved = ResolvedStep(combinator: step.combinator, tests: [])
                    if let tag = step.tag {
                        guard let id = tree.tagID(tag) else { return nil }
                        resolved.tag = id
                    }
                    for test in step.tests {
                        switch test {
                        case let .hasClass(name):
                            guard let id = attributeID("class") else { return nil }
                            resolved.tests.append(.hasClass(id, Array(name.utf8)))
                        case let .attribute(name, match):
                            guard let id = attributeID(name) else { return nil }
                            resolved.tests.append(.attribute(id, match, Array((match?.value ?? "").utf8)))
                        case .firstChild: resolved.tests.append(.firstChild)
                        case .lastChild: resolved.tests.append(.lastChild)
                        }
                    }
                    return resolved
                }
            }
        }

        /// The first element inside `root` (not `root` itself) that matches, outside the
        /// subtrees of `skipping` (the posts nested in a post: their fields are not its own).
        func first(under root: HTMLTree.NodeID, skipping: NodeSet? = nil) -> HTMLTree.NodeID? {
            var node = root + 1
            while node < tree[root].end {
                if let skipping, skipping.contains(node) {
                    node = tree[node].end
                    continue
                }
                if matches(node) { return node }
                node += 1
            }
            return nil
        }

        func matches(_ node: HTMLTree.NodeID) -> Bool {
            guard tree[node].kind == .element else { return false }
            return alternatives.contains { steps in
                !steps.contains { $0 == nil } && matches(node, steps, steps.count - 1)
            }
        }

        /// Whether `node` matches `steps[last]` and some ancestors match the steps before it.
        private func matches(_ node: HTMLTree.NodeID, _ steps: [ResolvedStep?], _ last: Int) -> Bool {
            guard let step = steps[last], matches(node, step) else { return false }
            guard last > 0 else { return true }
            var ancestor = tree[node].parent
            while ancestor > 0 {
                if matches(ancestor, steps, last - 1) { return true }
                if step.combinator == .child { return false }
                ancestor = tree[ancestor].parent
            }
            return false
        }

        private func matches(_ node: HTMLTree.NodeID, _ step: ResolvedStep) -> Bool {
            if let tag = step.tag, tree[node].tag != tag { return false }
            return step.tests.allSatisfy { passes(node, $0) }
        }

        private func passes(_ node: HTMLTree.NodeID, _ test: ResolvedTest) -> Bool {
            switch test {
            case let .hasClass(id, name):
                guard let value = tree.attributeBytes(id, of: node) else { return false }
                return Self.hasWord(value, name)
            case let .attribute(id, match, expected):
                guard let value = tree.attributeBytes(id, of: node) else { return false }
                guard let match else { return true }
                switch match {
                case .equals: return value.elementsEqual(expected)
                case .word: return Self.hasWord(value, expected)
                case .prefix: return !expected.isEmpty && value.starts(with: expected)
                case .suffix: return !expected.isEmpty && value.reversed().starts(with: expected.reversed())
                case .contains: return !expected.isEmpty && value.contains(utf8: String(decoding: expected, as: UTF8.self))
                case .dashPrefix: return value.elementsEqual(expected) || value.starts(with: expected + [0x2D])
                }
            case .firstChild: return isEdgeChild(node, first: true)
            case .lastChild: return isEdgeChild(node, first: false)
            }
        }

        /// Whether the blank-separated words of `value` include `word`.
        private static func hasWord(_ value: ArraySlice<UInt8>, _ word: [UInt8]) -> Bool {
            guard !word.isEmpty else { return false }
            var start = value.startIndex
            while start < value.endIndex {
                while start < value.endIndex, value[start].isBlank { start += 1 }
                var end = start
                while end < value.endIndex, !value[end].isBlank { end += 1 }
                if end - start == word.count, value[start ..< end].elementsEqual(word) { return true }
                start = end
            }
            return false
        }

        /// Whether `node` is the first (or last) element under its parent.
        private func isEdgeChild(_ node: HTMLTree.NodeID, first: Bool) -> Bool {
            let parent = tree[node].parent
            guard parent >= 0 else { return true }
            let elements = tree.children(of: parent).filter { tree[$0].kind == .element }
            return (first ? elements.first : elements.last) == node
        }
    }

    // MARK: XPath

    /// The XPath of the same elements, from the document (`//…`).
    public var xpath: String {
        alternatives.map { steps in
            steps.enumerated().map { index, step in
                (index > 0 && step.combinator == .child ? "/" : "//") + Self.xpath(step)
            }.joined()
        }.joined(separator: " | ")
    }

    private static func xpath(_ step: Step) -> String {
        var text = step.tag ?? "*"
        for test in step.tests {
            switch test {
            case let .hasClass(name): text += "[contains(concat(' ', normalize-space(@class), ' '), \(literal(" \(name) ")))]"
            case let .attribute(name, nil): text += "[@\(name)]"
            case let .attribute(name, .equals(value)?): text += "[@\(name) = \(literal(value))]"
            case let .attribute(name, .word(value)?):
                text += "[contains(concat(' ', normalize-space(@\(name)), ' '), \(literal(" \(value) ")))]"
            case let .attribute(name, .prefix(value)?): text += "[starts-with(@\(name), \(literal(value)))]"
            case let .attribute(name, .suffix(value)?):
                text += "[substring(@\(name), string-length(@\(name)) - \(value.count - 1)) = \(literal(value))]"
            case let .attribute(name, .contains(value)?): text += "[contains(@\(name), \(literal(value)))]"
            case let .attribute(name, .dashPrefix(value)?):
                text += "[@\(name) = \(literal(value)) or starts-with(@\(name), \(literal(value + "-")))]"
            case .firstChild: text += "[not(preceding-sibling::*)]"
            case .lastChild: text += "[not(following-sibling::*)]"
            }
        }
        return text
    }

    /// An XPath 1.0 string literal (no escapes there: `concat` when both quotes occur).
    private static func literal(_ value: String) -> String {
        if !value.contains("'") { return "'\(value)'" }
        if !value.contains("\"") { return "\"\(value)\"" }
        return "concat('" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "', \"'\", '") + "')"
    }

    // MARK: Parsing

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        private func fail(_ reason: String) -> ParseError { ParseError(column: index + 1, reason: reason) }

        private mutating func skipBlanks() -> Bool {
            let start = index
            while let scalar = current, scalar.properties.isWhitespace { index += 1 }
            return index > start
        }

        mutating func selectorList() throws(ParseError) -> [[Step]] {
            var alternatives: [[Step]] = []
            repeat {
                _ = skipBlanks()
                alternatives.append(try complex())
                _ = skipBlanks()
                guard let scalar = current else { break }
                guard scalar == "," else { throw fail("unexpected '\(scalar)'") }
                index += 1
            } while true
            return alternatives
        }

        private mutating func complex() throws(ParseError) -> [Step] {
            var steps = [try compound()]
            while true {
                let blank = skipBlanks()
                guard let scalar = current, scalar != "," else { break }
                var step: Step
                if scalar == ">" {
                    index += 1
                    _ = skipBlanks()
                    step = try compound()
                    step.combinator = .child
                } else if scalar == "+" || scalar == "~" {
                    throw fail("the sibling combinator '\(scalar)' is not supported (use a descendant or '>' selector)")
                } else if blank {
                    step = try compound()
                } else {
                    throw fail("unexpected '\(scalar)'")
                }
                steps.append(step)
            }
            return steps
        }

        private mutating func compound() throws(ParseError) -> Step {
            var step = Step()
            if current == "*" {
                index += 1
            } else if let scalar = current, Self.isNameStart(scalar) {
                step.tag = name().lowercased()
            }
            loop: while let scalar = current {
                switch scalar {
                case ".":
                    index += 1
                    guard let scalar = current, Self.isNameStart(scalar) else { throw fail("a class name must follow '.'") }
                    step.tests.append(.hasClass(name()))
                case "#":
                    index += 1
                    guard let scalar = current, Self.isNameStart(scalar) || scalar.properties.numericType != nil else {
                        throw fail("an id must follow '#'")
                    }
                    step.tests.append(.attribute(name: "id", match: .equals(name())))
                case "[": step.tests.append(try attribute())
                case ":": step.tests.append(try pseudoClass())
                default: break loop
                }
            }
            guard step.tag != nil || !step.tests.isEmpty || index > 0 && scalars[index - 1] == "*" else {
                throw fail(current.map { "unexpected '\($0)'" } ?? "a selector is missing")
            }
            return step
        }

        private mutating func attribute() throws(ParseError) -> Test {
            index += 1
            _ = skipBlanks()
            guard let scalar = current, Self.isNameStart(scalar) else { throw fail("an attribute name must follow '['") }
            let attributeName = name().lowercased()
            _ = skipBlanks()
            guard let next = current else { throw fail("']' is missing") }
            if next == "]" {
                index += 1
                return .attribute(name: attributeName, match: nil)
            }
            var operatorText = ""
            if next != "=" {
                guard "~^$*|".unicodeScalars.contains(next), index + 1 < scalars.count, scalars[index + 1] == "=" else {
                    throw fail("expected ']' or one of = ~= ^= $= *= |= after [\(attributeName)")
                }
                operatorText.unicodeScalars.append(next)
                index += 1
            }
            index += 1
            _ = skipBlanks()
            let value = try attributeValue()
            _ = skipBlanks()
            guard current == "]" else { throw fail("']' is missing") }
            index += 1
            let match: AttributeMatch
            switch operatorText {
            case "": match = .equals(value)
            case "~": match = .word(value)
            case "^": match = .prefix(value)
            case "$": match = .suffix(value)
            case "*": match = .contains(value)
            default: match = .dashPrefix(value)
            }
            return .attribute(name: attributeName, match: match)
        }

        private mutating func attributeValue() throws(ParseError) -> String {
            guard let quote = current else { throw fail("a value is missing") }
            guard quote == "\"" || quote == "'" else {
                guard Self.isNameStart(quote) || quote.properties.numericType != nil else { throw fail("a value is missing") }
                return name()
            }
            index += 1
            var value = ""
            while let scalar = current, scalar != quote {
                value.unicodeScalars.append(scalar)
                index += 1
            }
            guard current == quote else { throw fail("the quoted value is not closed") }
            index += 1
            return value
        }

        private mutating func pseudoClass() throws(ParseError) -> Test {
            let start = index
            index += 1
            let pseudo = name().lowercased()
            switch pseudo {
            case "first-child": return .firstChild
            case "last-child": return .lastChild
            default:
                index = start
                throw fail("':\(pseudo)' is not supported (:first-child and :last-child are)")
            }
        }

        private mutating func name() -> String {
            var text = ""
            while let scalar = current, Self.isNameStart(scalar) || scalar == "-" || scalar.properties.numericType != nil {
                text.unicodeScalars.append(scalar)
                index += 1
            }
            return text
        }

        private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar == "-" || scalar.properties.isAlphabetic || scalar.value >= 0x80
        }
    }
}

private extension UInt8 {
    var isBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C }
}

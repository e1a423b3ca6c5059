/// What an element's tag, classes and role attributes say: its cues and its signatures.
/// Pages repeat a few hundred kinds over thousands of elements, and pages of one forum repeat
/// each other's, so a kind is read once per run, found again by a hash of its bytes.
/// A class: pages look kinds up thousands of times, and a reference is one retain where the
/// value's strings and arrays were four.
final class ElementKind: Sendable {
    let cue: Cue
    /// Tag and normalised classes (and structural attributes).
    let signature: Signature
    /// Tag and first lasting class: the coarser signature of paths inside records.
    let pathSignature: Signature

    init(cue: Cue, signature: Signature, pathSignature: Signature) {
        self.cue = cue
        self.signature = signature
        self.pathSignature = pathSignature
    }

    struct Signature: Sendable {
        var name: String
        var words: [String]
        /// The name's hash, kept so that pages number signatures without hashing names again.
        var key: Int

        init(tag: String, words: [String]) {
            name = tag + "." + words.joined(separator: ".")
            self.words = words
            key = name.hashValue
        }
    }

    private static let known = RunCache<Int, ElementKind>()

    /// The attributes that make a kind, by their ids in one tree.
    struct Attributes {
        let tree: HTMLTree
        let classID, relID, itempropID, dataRoleID: UInt16?
        /// Roles that markup states outside `class`: schema.org types, NodeBB's `component`.
        let structural: [(id: UInt16, prefix: String)]
        /// Per attribute id: whether it is one of the above, and the hash of its name.
        private let isKindAttribute: [Bool]
        private let nameHashes: [Int]
        private let tagHashes: [Int]

        init(tree: HTMLTree) {
            self.tree = tree
            classID = tree.attributeID("class")
            relID = tree.attributeID("rel")
            itempropID = tree.attributeID("itemprop")
            dataRoleID = tree.attributeID("data-role")
            structural = [("itemtype", "@type:"), ("itemprop", "@prop:"), ("component", "@component:"), ("data-role", "@role:")]
                .compactMap { name, prefix in tree.attributeID(name).map { ($0, prefix) } }
            var isKindAttribute = [Bool](repeating: false, count: tree.attributeNames.count)
            for id in [classID, relID].compactMap({ $0 }) + structural.map(\.id) { isKindAttribute[Int(id)] = true }
            self.isKindAttribute = isKindAttribute
            nameHashes = tree.attributeNames.map(\.hashValue)
            tagHashes = tree.tagNames.map(\.hashValue)
        }

        /// The kind's key: tag name, and the names and bytes of the attributes that make it.
        func key(_ index: HTMLTree.NodeID) -> Int {
            let node = tree[index]
            let attributes = Int(node.start) ..< Int(node.start + node.count)
            // Many elements have none of these attributes: their tag alone is their kind.
            guard attributes.contains(where: { isKindAttribute[Int(tree.attributes[$0].name)] }) else {
                return tagHashes[Int(node.tag)]
            }
            var hasher = ByteHash(seed: tagHashes[Int(node.tag)])
            tree.bytes.withUnsafeBytes { bytes in
                for attribute in attributes {
                    let name = tree.attributes[attribute].name
                    guard isKindAttribute[Int(name)] else { continue }
                    hasher.combine(UInt64(bitPattern: Int64(nameHashes[Int(name)])))
                    let range = Int(tree.attributes[attribute].start) ..< Int(tree.attributes[attribute].end)
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes[range]))
                }
            }
            return hasher.finalize()
        }
    }

    static func of(_ index: HTMLTree.NodeID, key: Int, in attributes: Attributes) -> ElementKind {
        known.value(for: key) { read(index, attributes) }
    }

    private static func read(_ index: HTMLTree.NodeID, _ attributes: Attributes) -> ElementKind {
        let tree = attributes.tree
        func value(_ id: UInt16?) -> String? { id.flatMap { tree.attribute($0, of: index) } }
        let tagName = tree.tagNames[Int(tree[index].tag)]
        let classes = ClassReading.read(value(attributes.classID) ?? "")
        var cue = classes.cue
        if let role = value(attributes.dataRoleID)?.lowercased() { cue.formUnion(ClassReading.cue(of: role)) }
        if cue.contains(.signature) { cue.remove(.quote) }
        if tagName == "time" { cue.insert(.dateElement) }
        if tagName == "button" || tagName == "form" { cue.insert(.chrome) }
        if tagName == "nav" { cue.insert(.pageChrome) }
        let itemprop = value(attributes.itempropID)?.lowercased()
        if itemprop == "author" || itemprop == "creator" || value(attributes.relID) == "author" { cue.insert(.authorName) }
        if itemprop == "datepublished" || itemprop == "datecreated" { cue.insert(.dateElement) }
        if itemprop == "text" || itemprop == "articlebody" || itemprop == "commenttext" { cue.insert(.bodyName) }

        let classWords = classes.words
        var structural: [String] = []
        for (id, prefix) in attributes.structural {
            guard let value = value(id), !value.isEmpty else { continue }
            let last = value.split(separator: "/").last.map { $0.lowercased() } ?? ""
            if !last.isEmpty { structural.append(prefix + last) }
        }
        let signatureWords = classWords.sorted() + structural
        // Paths inside records step by tag and first lasting class, so that modifiers
        // (`Post--edited`, `is-sticky`) on one post do not move its fields elsewhere.
        let primary = classWords.first { !$0.contains("--") && !$0.hasPrefix("is-") && !$0.hasPrefix("has-") }
        let pathWords = (primary.map { [$0] } ?? []) + structural
        return ElementKind(
            cue: cue, signature: Signature(tag: tagName, words: signatureWords),
            pathSignature: Signature(tag: tagName, words: pathWords))
    }
}

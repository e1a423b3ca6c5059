/// How two candidate post lists nest: the items of one may be frames around several posts of
/// the other (a wrapper list), or the other's items may sit inside posts that have their own
/// body (comments under Q&A posts, which are not messages).
struct ListNesting {
    /// Most outer items each hold two or more inner items and little else.
    var outerWrapsInner = false
    /// Most inner items sit in outer items whose own words are at least 40% of their text.
    var innerIsSubList = false

    init(outer: [HTMLTree.NodeID], inner: [HTMLTree.NodeID], features: PageFeatures) {
        let tree = features.tree
        guard !inner.isEmpty, !outer.isEmpty else { return }
        // Nested replies of one list share their members: neither wraps the other.
        let shared = Set(outer).intersection(inner).count
        guard shared * 2 < min(outer.count, inner.count) else { return }
        var wrappers = 0
        var containedInPosts = 0
        for container in outer {
            let end = tree[container].end
            // `inner` is in document order: find the first one after `container`.
            var low = 0
            var high = inner.count
            while low < high {
                let middle = (low + high) / 2
                if inner[middle] <= container { low = middle + 1 } else { high = middle }
            }
            var held = 0
            var heldText: Int32 = 0
            var index = low
            while index < inner.count, inner[index] < end {
                held += 1
                heldText += features.text[Int(inner[index])]
                index += 1
                // Members nested in the one just counted are part of it.
                let innerEnd = tree[inner[index - 1]].end
                while index < inner.count, inner[index] < innerEnd { index += 1 }
            }
            let total = Double(features.text[Int(container)])
            if held >= 2, Double(heldText) >= 0.75 * total { wrappers += 1 }
            if held >= 1, total - Double(heldText) >= 0.4 * total {
                containedInPosts += (low ..< index).count
            }
        }
        outerWrapsInner = wrappers * 2 > outer.count
        innerIsSubList = containedInPosts * 2 > inner.count
    }
}

/// How two candidate post lists nest: the items of one may be frames around several posts of
/// the other (a wrapper list), or the other's items may sit inside posts that have their own
/// body (comments under Q&A posts, which are not messages).
struct ListNesting {
    /// Most outer items each hold two or more inner items and little else.
    var outerWrapsInner = false
    /// Most inner items sit in outer items whose own words are at least 40% of their text.
    var innerIsSubList = false
    /// Most outer items hold exactly one inner item of their own (a wrapper per post), and the
    /// outer items nest inside one another: they carry the reply tree the inner ones lack.
    var outerThreadsInner = false

    init(outer: borrowing [HTMLTree.NodeID], inner: borrowing [HTMLTree.NodeID], features: borrowing PageFeatures) {
        let tree = features.tree
        guard !inner.isEmpty, !outer.isEmpty else { return }
        // Nested replies of one list share their members: neither wraps the other. (Both lists
        // are in document order: counted by merging them.)
        var shared = 0
        var o = 0
        var i = 0
        while o < outer.count, i < inner.count {
            if outer[o] == inner[i] { shared += 1 }
            if outer[o] <= inner[i] { o += 1 } else { i += 1 }
        }
        guard shared * 2 < min(outer.count, inner.count) else { return }
        var wrappers = 0
        var containedInPosts = 0
        var single = 0
        var postsWithComments = 0
        var nesting = false
        for (position, container) in outer.enumerated() {
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
            // Threaded lists nest their items: what a nested outer item holds is its own. They
            // follow the container in `outer`, up to its end.
            var stop = position + 1
            while stop < outer.count, outer[stop] < end { stop += 1 }
            let nestedOuter = outer[(position + 1) ..< stop]
            if !nestedOuter.isEmpty { nesting = true }
            while index < inner.count, inner[index] < end {
                let item = inner[index]
                index += 1
                if nestedOuter.contains(where: { item > $0 && item < tree[$0].end }) { continue }
                held += 1
                heldText += features.text[Int(item)]
                // Members nested in the one just counted are part of it.
                let innerEnd = tree[item].end
                while index < inner.count, inner[index] < innerEnd { index += 1 }
            }
            if held == 1 { single += 1 }
            // What the item says itself: without the replies nested in it.
            var firstLevelNested: Int32 = 0
            var lastEnd: HTMLTree.NodeID = -1
            for nested in nestedOuter where nested >= lastEnd {
                firstLevelNested += features.text[Int(nested)]
                lastEnd = tree[nested].end
            }
            let total = Double(features.text[Int(container)] - firstLevelNested)
            if held >= 2, Double(heldText) >= 0.75 * total { wrappers += 1 }
            // Comments follow the post's own words; a thread frame starts with its post.
            if held >= 1, total - Double(heldText) >= 0.4 * total, wordsBefore(inner[low], in: container, features) * 10 >= Int32(total) * 3 {
                containedInPosts += (low ..< index).count
                postsWithComments += 1
            }
        }
        outerWrapsInner = wrappers * 2 > outer.count
        let innerNests = inner.indices.dropLast().contains { tree.isAncestor(inner[$0], of: inner[$0 + 1]) }
        outerThreadsInner = nesting && !innerNests && single * 5 >= outer.count * 4 && outer.count * 10 >= inner.count * 9
        // Comments spread over several posts; one block holding them all is a page region.
        innerIsSubList = containedInPosts * 2 > inner.count && postsWithComments >= 2
    }

    /// Visible text of `container` before `node`.
    private func wordsBefore(_ node: HTMLTree.NodeID, in container: HTMLTree.NodeID, _ features: PageFeatures) -> Int32 {
        var total: Int32 = 0
        for index in container + 1 ..< node where features.tree[index].kind == .text {
            total += features.text[Int(index)]
        }
        return total
    }
}

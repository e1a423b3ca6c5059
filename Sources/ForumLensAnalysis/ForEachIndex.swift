import Dispatch
import Synchronization

/// Runs `body` for each index below `count` on up to `jobs` threads, each thread taking the
/// next index: messages differ in length, so no thread waits on a fixed share of them.
enum ForEachIndex {
    static func run(_ count: Int, jobs: Int, _ body: (Int) -> Void) {
        let threads = min(max(1, jobs), count)
        guard threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            let body = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while case let index = next.add(1, ordering: .relaxed).oldValue, index < count {
                    body.value(index)
                }
            }
        }
    }
}

/// Storage each thread of `ForEachIndex` writes at its own indexes only.
struct UnsafeSlots<Element>: @unchecked Sendable {
    private let base: UnsafeMutableBufferPointer<Element>

    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
        nonmutating _modify { yield &base[index] }
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

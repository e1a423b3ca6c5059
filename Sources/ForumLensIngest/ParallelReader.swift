/// Reads inputs on several cores and hands the results back in input order, with a bounded
/// number in flight so that memory stays flat however many files there are.
public enum ParallelReader {
    /// `reader`: how one input is read (a cache may answer instead of the file).
    public static func read(
        _ items: [InputItem], options: IngestOptions, jobs: Int,
        reader: (@Sendable (InputItem) -> ReadInput)? = nil,
        deliver: (Int, ReadInput) throws -> Void
    ) async throws {
        let jobs = max(1, jobs)
        // Finished results wait for the slowest earlier file; never run further ahead than this.
        let window = jobs * 4
        try await withThrowingTaskGroup(of: (Int, ReadInput).self) { group in
            var next = 0
            var running = 0
            var emitted = 0
            var finished: [Int: ReadInput] = [:]
            while emitted < items.count {
                while running < jobs, next < items.count, next - emitted < window {
                    let index = next
                    let item = items[index]
                    group.addTask { (index, reader?(item) ?? InputReader.read(item, options: options)) }
                    next += 1
                    running += 1
                }
                guard let (index, result) = try await group.next() else { break }
                running -= 1
                finished[index] = result
                while let ready = finished.removeValue(forKey: emitted) {
                    try deliver(emitted, ready)
                    emitted += 1
                }
            }
        }
    }
}

import Dispatch
import Foundation
import ForumLensCore

/// A writer whose work runs on a thread of its own, discussions in order, so that writing
/// overlaps reading and analysing the next ones instead of holding them up; at most `window`
/// discussions wait, so memory stays flat. A failed write is thrown by the next call.
public final class BackgroundWriter: ReportWriter, @unchecked Sendable {
    private var writer: any ReportWriter
    private let queue = DispatchQueue(label: "forumlens.writer")
    private let pending: DispatchSemaphore
    private let failure = FirstError()

    public init(_ writer: any ReportWriter, window: Int = 8) {
        self.writer = writer
        pending = DispatchSemaphore(value: window)
    }

    public func write(_ discussion: Discussion, analysis: DiscussionAnalysis?) throws {
        try failure.rethrow()
        pending.wait()
        queue.async { [self] in
            defer { pending.signal() }
            perform { try $0.write(discussion, analysis: analysis) }
        }
    }

    public func finish(_ run: RunRecord) throws {
        try Self.finish([self], run)
    }

    /// Finishes the writers side by side, each on its own thread, so that one format's work at
    /// the end of the run (SQLite's full-text index, the CSV authors table) does not wait for
    /// another's; returns when all are done, throwing the first failure in their order.
    public static func finish(_ writers: [BackgroundWriter], _ run: RunRecord) throws {
        for background in writers {
            background.queue.async { background.perform { try $0.finish(run) } }
        }
        for background in writers {
            try background.queue.sync { try background.failure.rethrow() }
        }
    }

    /// On the writer's thread: `work`, unless an earlier write failed; its error is kept.
    private func perform(_ work: (inout any ReportWriter) throws -> Void) {
        guard !failure.happened else { return }
        do {
            try work(&writer)
        } catch {
            failure.keep(error)
        }
    }

    public func abandon() {
        queue.sync { writer.abandon() }
    }
}

/// The first error of a writing thread, for the run's thread to throw.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    var happened: Bool { lock.withLock { error != nil } }

    func keep(_ error: any Error) {
        lock.withLock { if self.error == nil { self.error = error } }
    }

    func rethrow() throws {
        if let error = lock.withLock({ error }) { throw error }
    }
}

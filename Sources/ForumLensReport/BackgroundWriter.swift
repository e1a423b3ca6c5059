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
            guard !failure.happened else { return }
            do {
                try writer.write(discussion, analysis: analysis)
            } catch {
                failure.keep(error)
            }
        }
    }

    public func finish(_ run: RunRecord) throws {
        try queue.sync {
            try failure.rethrow()
            try writer.finish(run)
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

import Foundation
import ForumLensCore
@_exported import ForumLensTestSupport


extension [Problem] {
    /// The problems about `path`, for compact expectations.
    func about(_ path: String) -> [Problem] { filter { $0.path == path } }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Glob patterns for PATH arguments the shell left unexpanded (quoted, or from a path list):
/// `*`, `?` and `[...]` within one name (as `fnmatch`), `**` for any number of directories.
/// Hidden names match only a pattern that starts with `.`, as in the shell.
enum PathGlob {
    static func hasWildcards(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The existing paths that match, each directory's entries in natural order.
    static func matches(_ pattern: String) -> [String] {
        let isAbsolute = pattern.hasPrefix("/")
        let components = pattern.split(separator: "/").map(String.init)
        // Paths are kept as the user would write them: no "./" prefix on relative ones.
        var current: [String] = [isAbsolute ? "/" : ""]
        for (index, component) in components.enumerated() {
            let isLast = index == components.count - 1
            var next: [String] = []
            if component == "**" {
                for base in current { next += selfAndSubdirectories(base) }
            } else if !hasWildcards(component) {
                for base in current {
                    let candidate = join(base, component)
                    if exists(candidate, mustBeDirectory: !isLast) { next.append(candidate) }
                }
            } else {
                for base in current {
                    guard case .success(let names) = listing(base, includeHidden: component.hasPrefix(".")) else { continue }
                    for name in names where fnmatch(component, name, 0) == 0 {
                        let candidate = join(base, name)
                        if isLast || exists(candidate, mustBeDirectory: true) { next.append(candidate) }
                    }
                }
            }
            current = next
            if current.isEmpty { return [] }
        }
        // `a/**/b` can reach one path twice (through `**` matching zero and more levels).
        var seen: Set<String> = []
        return current.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private static func join(_ base: String, _ name: String) -> String {
        base.isEmpty ? name : DirectoryListing.join(base, name)
    }

    private static func listing(_ base: String, includeHidden: Bool) -> Result<[String], StatusError> {
        DirectoryListing.names(base.isEmpty ? "." : base, includeHidden: includeHidden)
    }

    private static func exists(_ path: String, mustBeDirectory: Bool) -> Bool {
        if mustBeDirectory {
            guard case .success(let status) = FileStatus.of(path, followingLinks: true) else { return false }
            return status.kind == .directory
        }
        return (try? FileStatus.of(path, followingLinks: false).get()) != nil
    }

    /// `base` and every directory below it (symlinks followed, each directory once, so a
    /// loop ends), for `**`.
    private static func selfAndSubdirectories(_ base: String) -> [String] {
        var result: [String] = []
        var seen: Set<FileStatus.Identity> = []
        var stack = [base]
        while let directory = stack.popLast() {
            guard case .success(let status) = FileStatus.of(directory.isEmpty ? "." : directory, followingLinks: true),
                  status.kind == .directory, seen.insert(status.identity).inserted
            else { continue }
            result.append(directory)
            guard case .success(let names) = DirectoryListing.names(directory.isEmpty ? "." : directory) else { continue }
            // Reversed onto the stack so that they come off in order.
            for name in names.reversed() { stack.append(join(directory, name)) }
        }
        return result
    }
}

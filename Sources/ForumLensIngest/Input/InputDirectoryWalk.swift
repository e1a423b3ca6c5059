import ForumLensCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension InputExpansion {
    /// Walks a directory depth-first with an explicit stack (a deep tree cannot overflow the
    /// call stack), in natural order, following symlinks. Hidden entries and the resource
    /// folders of "save page complete" are skipped; a symlink back to a directory being
    /// walked is a loop, reported once and not followed. Returns how many input files it met
    /// (files already taken through another path included).
    @discardableResult
    mutating func walk(_ root: String, _ rootStatus: FileStatus, explicit: Bool) -> Int {
        // A directory reached again (given twice, or by a second link) adds nothing new.
        guard walkedDirectories.insert(rootStatus.identity).inserted else { return 0 }
        let problemsBefore = problems.count
        var inputs = 0

        struct Frame {
            var path: String
            var identity: FileStatus.Identity
            var entries: [String]
            var resourceFolders: Set<String>
            var next = 0
        }
        func frame(_ path: String, _ identity: FileStatus.Identity) -> Result<Frame, StatusError> {
            DirectoryListing.names(path).map { names in
                Frame(path: path, identity: identity, entries: names, resourceFolders: DirectoryListing.resourceFolders(names))
            }
        }
        var stack: [Frame] = []
        switch frame(root, rootStatus.identity) {
        case .success(let first): stack.append(first)
        case .failure(let failure): problems.append(unreadable(root, failure))
        }

        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].entries.count else {
                stack.removeLast()
                continue
            }
            let name = stack[top].entries[stack[top].next]
            stack[top].next += 1
            let path = DirectoryListing.join(stack[top].path, name)
            guard case .success(let status) = FileStatus.of(path, followingLinks: false),
                  let target = followEntry(path, name: name, status)
            else { continue }
            switch target.kind {
            case .regular:
                if addFoundFile(path, name: name, target) { inputs += 1 }
            case .directory:
                if stack[top].resourceFolders.contains(name) { continue }
                if InputNaming.hasPageName(name) {
                    problems.append(Problem(
                        path: path, severity: .warning,
                        message: "a directory with a page's name; walked as a directory"))
                }
                if let ancestor = stack.first(where: { $0.identity == target.identity }) {
                    problems.append(Problem(
                        path: path, severity: .warning,
                        message: "symbolic link loop: leads back to \(ancestor.path); not followed"))
                    continue
                }
                guard walkedDirectories.insert(target.identity).inserted else { continue }
                switch frame(path, target.identity) {
                case .success(let child): stack.append(child)
                case .failure(let failure): problems.append(unreadable(path, failure))
                }
            default:
                if InputNaming.verdict(forName: name) != .unknown { problems.append(notRegular(path, target.kind)) }
            }
        }

        if explicit, inputs == 0, problems.count == problemsBefore {
            problems.append(Problem(
                path: root, severity: .warning,
                message: "no page or message file in this directory (\(InputNaming.extensionList))"))
        }
        return inputs
    }

    private func unreadable(_ path: String, _ failure: StatusError) -> Problem {
        Problem(path: path, severity: .error, message: "cannot read the directory: \(failure.reason)")
    }
}

enum DirectoryListing {
    /// The entries of a directory (hidden ones only when asked), in natural order; an error
    /// if it cannot be read to the end.
    static func names(_ path: String, includeHidden: Bool = false) -> Result<[String], StatusError> {
        guard let directory = opendir(path) else { return .failure(StatusError(code: errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(StatusError(code: errno)) }
                break
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            // Hidden entries (`.git`, `.DS_Store`) are not inputs unless a pattern asks for them.
            if name.hasPrefix("."), !includeHidden { continue }
            names.append(name)
        }
        return .success(names.sorted(by: NaturalOrder.precedes))
    }

    /// The entries that are the resource folder of a page saved beside them ("save page
    /// complete"): `Thread_files` next to `Thread.html`.
    static func resourceFolders(_ names: [String]) -> Set<String> {
        let stems = Set(names.compactMap(InputNaming.savedPageStem))
        guard !stems.isEmpty else { return [] }
        var folders: Set<String> = []
        for name in names {
            for suffix in InputNaming.resourceFolderSuffixes where name.hasSuffix(suffix) {
                if stems.contains(String(name.dropLast(suffix.count))) { folders.insert(name) }
            }
        }
        return folders
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// Name order that reads as people number pages: runs of digits compare by value, so
/// `page2.html` comes before `page10.html`, and ASCII letters without case; ties fall back
/// to plain byte order, so the order is total and the same on every machine.
enum NaturalOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0, j = 0
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                let startX = i, startY = j
                while i < x.count, isDigit(x[i]) { i += 1 }
                while j < y.count, isDigit(y[j]) { j += 1 }
                let digitsX = x[startX ..< i].drop { $0 == 0x30 }, digitsY = y[startY ..< j].drop { $0 == 0x30 }
                if digitsX.count != digitsY.count { return digitsX.count < digitsY.count }
                if !digitsX.elementsEqual(digitsY) { return digitsX.lexicographicallyPrecedes(digitsY) }
                continue
            }
            let a = folded(x[i]), b = folded(y[j])
            if a != b { return a < b }
            i += 1
            j += 1
        }
        if x.count - i != y.count - j { return x.count - i < y.count - j }
        return x.lexicographicallyPrecedes(y)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}

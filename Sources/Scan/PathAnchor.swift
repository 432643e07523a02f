import Foundation

/// Where fingerprints and ignore files measure a path from: the repository root that holds the
/// scan root (or the scan root itself outside a repository), whatever spelling the user gave
/// the root (`/abs/repo`, `.`, `src/..`). Reports keep the path as the user reached it; only
/// fingerprints and `.gitleaksignore` lines use the anchored path.
public struct PathAnchor: Sendable {
    /// Folder roots: the prefix the walker puts before their files, what replaces it, and the
    /// anchor folder (absolute).
    var folders: [(display: String, anchored: String, top: String)] = []
    /// File roots: the path as given, the file relative to the anchor, and the anchor.
    var files: [String: (path: String, top: String)] = [:]
    /// The anchor of the first root (absolute, symbolic links resolved): what SARIF's
    /// `%SRCROOT%` stands for.
    public var top: String?

    /// Paths are kept as they are (git modes, whose paths are already repository-relative).
    public init() {}

    /// The anchor of each root: the enclosing repository's top folder, else the root.
    public init(roots: [String]) {
        for root in roots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir),
                  let real = PathAnchor.realPath(root) else { continue }
            let folder = isDir.boolValue ? real : (real as NSString).deletingLastPathComponent
            let top = PathAnchor.repositoryTop(from: folder) ?? folder
            let relative = PathAnchor.relative(real, to: top)
            if isDir.boolValue {
                var display = root
                while display.hasSuffix("/") && display.count > 1 { display.removeLast() }
                let prefix = display == "." ? "" : display == "/" ? "/" : display + "/"
                folders.append((prefix, relative.isEmpty ? "" : relative + "/", top))
            } else {
                files[root] = (relative, top)
            }
            if self.top == nil { self.top = top }
        }
        // The longest prefix wins ("" matches every path).
        folders.sort { $0.display.count > $1.display.count }
    }

    /// `display` (a path as reported) relative to its root's anchor.
    public func path(of display: String) -> String {
        located(display)?.path ?? display
    }

    /// `display` relative to its root's anchor, and that anchor; nil for a path under no root.
    public func located(_ display: String) -> (path: String, top: String)? {
        if let file = files[display] { return file }
        for f in folders where display.hasPrefix(f.display) {
            return (f.anchored + display.dropFirst(f.display.count), f.top)
        }
        return nil
    }

    /// The nearest folder at or above `folder` that holds `.git` (a folder or a worktree's file).
    static func repositoryTop(from folder: String) -> String? {
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: (current as NSString).appendingPathComponent(".git")) { return current }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func relative(_ path: String, to base: String) -> String {
        if path == base { return "" }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

import Glob
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the walker honours.
public struct WalkOptions: Sendable {
    /// Files and folders to scan, as the user wrote them.
    public var roots: [String]
    /// Honour `.gitignore`, `.ignore` and `.git/info/exclude`.
    public var honorIgnoreFiles: Bool
    /// gitignore-style globs, relative to each root, that are never scanned.
    public var excludes: [String]
    /// Follow symbolic links (loops are detected and skipped).
    public var followSymlinks: Bool

    public init(roots: [String], honorIgnoreFiles: Bool = true, excludes: [String] = [], followSymlinks: Bool = false) {
        self.roots = roots
        self.honorIgnoreFiles = honorIgnoreFiles
        self.excludes = excludes
        self.followSymlinks = followSymlinks
    }
}

/// Depth-first walk of the roots: emits every file to scan and every skip, as it goes (the
/// caller starts matching while the walk continues). Knows nothing of rules or matching.
public struct Walker: Sendable {
    public let options: WalkOptions
    /// Extensions of files that are binary by nature (read no byte of them).
    static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tiff", "psd", "mp3", "mp4", "m4a", "mov", "avi",
        "mkv", "wav", "flac", "ogg", "webm", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "jar",
        "war", "class", "so", "dylib", "dll", "exe", "o", "a", "lib", "obj", "pyc", "pyo", "woff", "woff2",
        "ttf", "otf", "eot", "pdf", "sqlite", "db", "wasm", "bin", "dat", "iso", "dmg",
    ]

    public init(options: WalkOptions) { self.options = options }

    struct Frame {
        var path: [UInt8]          // filesystem path of the folder
        var display: String        // display path prefix ("" or "dir/")
        var relative: [UInt8]      // path relative to the root, for --exclude ("" or "a/b/")
        var anchored: [UInt8]      // path relative to the repository root (or the walk root outside one), for ignore files
        var ignores: [IgnoreRules] // applicable ignore files, shallowest first
        var ancestors: [DeviceInode]
    }

    struct DeviceInode: Hashable { let dev: UInt64; let ino: UInt64 }

    /// Walks every root; calls `file` for each file to scan and `skip` for each skipped entry.
    public func walk(file: (FileEntry) -> Void, skip: (Skip) -> Void, shouldStop: () -> Bool = { false }) {
        let excludes = IgnoreRules(globs: options.excludes)
        for root in options.roots {
            if shouldStop() { return }
            var st = stat()
            let rootBytes = Array(root.utf8)
            guard stat(root, &st) == 0 else {
                skip(Skip(displayPath: root, reason: .unreadable, message: String(cString: strerror(errno))))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                var display = root
                while display.hasSuffix("/") && display.count > 1 { display.removeLast() }
                let prefix = (display == "." ? "" : display == "/" ? "/" : display + "/")
                let (anchor, inherited) = options.honorIgnoreFiles ? Walker.enclosingIgnores(of: root) : ([], [])
                walkTree(Frame(path: rootBytes, display: prefix, relative: [], anchored: anchor, ignores: inherited,
                               ancestors: [DeviceInode(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))]),
                         excludes: excludes, file: file, skip: skip, shouldStop: shouldStop)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                file(FileEntry(path: rootBytes, displayPath: root,
                               rootRelativePath: String(root.split(separator: "/").last ?? Substring(root))))
            } else {
                skip(Skip(displayPath: root, reason: .special, message: nil))
            }
        }
    }

    private func walkTree(_ root: Frame, excludes: IgnoreRules, file: (FileEntry) -> Void, skip: (Skip) -> Void,
                          shouldStop: () -> Bool) {
        var stack: [Frame] = [root]
        // Followed links must stay inside the tree the user named.
        let rootReal = options.followSymlinks ? Walker.realPath(root.path) ?? "" : ""
        while var frame = stack.popLast() {
            if shouldStop() { return }
            let entries = Walker.readDirectory(frame.path)
            guard let entries else {
                skip(Skip(displayPath: frame.display.isEmpty ? "." : frame.display, reason: .unreadable,
                          message: String(cString: strerror(errno))))
                continue
            }
            if options.honorIgnoreFiles {
                if entries.contains(where: { $0.name == Walker.dotGit }) {
                    if let text = Walker.readSmallFile(frame.path + Array("/.git/info/exclude".utf8)) {
                        frame.ignores.append(IgnoreRules(text: text, base: frame.anchored))
                    }
                }
                for name in [Walker.dotGitignore, Walker.dotIgnore] where entries.contains(where: { $0.name == name }) {
                    if let text = Walker.readSmallFile(frame.path + [UInt8(ascii: "/")] + name) {
                        frame.ignores.append(IgnoreRules(text: text, base: frame.anchored))
                    }
                }
            }
            var subfolders: [Frame] = []
            for entry in entries {
                let childPath = frame.path + [UInt8(ascii: "/")] + entry.name
                let relative = frame.relative + entry.name
                let anchored = frame.anchored + entry.name
                let display = frame.display + FileName.display(entry.name)
                var kind = entry.kind
                var target = stat()
                if kind == .unknown || (kind == .symlink && options.followSymlinks) {
                    let rc = kind == .symlink ? stat(childPath.cString, &target) : lstat(childPath.cString, &target)
                    if rc != 0 {
                        skip(Skip(displayPath: display, reason: kind == .symlink ? .symlink : .unreadable,
                                  message: String(cString: strerror(errno))))
                        continue
                    }
                    if kind == .symlink, !Walker.resolves(childPath, inside: rootReal) {
                        skip(Skip(displayPath: display, reason: .symlink, message: "points outside the scanned tree"))
                        continue
                    }
                    kind = Kind(mode: target.st_mode)
                } else if kind == .symlink {
                    skip(Skip(displayPath: display, reason: .symlink, message: nil))
                    continue
                }
                switch kind {
                case .directory:
                    if entry.name == Walker.dotGit { continue }
                    if excludes.verdict(path: relative, isDirectory: true) == true {
                        skip(Skip(displayPath: display + "/", reason: .excluded, message: nil)); continue
                    }
                    if isIgnored(anchored, isDirectory: true, frame.ignores) {
                        skip(Skip(displayPath: display + "/", reason: .ignored, message: nil)); continue
                    }
                    var ancestors = frame.ancestors
                    if options.followSymlinks || entry.kind == .unknown {
                        if target.st_ino == 0, lstat(childPath.cString, &target) != 0 { continue }
                        let id = DeviceInode(dev: UInt64(target.st_dev), ino: UInt64(target.st_ino))
                        if ancestors.contains(id) {
                            skip(Skip(displayPath: display + "/", reason: .symlinkLoop, message: nil)); continue
                        }
                        ancestors.append(id)
                    }
                    subfolders.append(Frame(path: childPath, display: display + "/", relative: relative + [UInt8(ascii: "/")],
                                            anchored: anchored + [UInt8(ascii: "/")],
                                            ignores: frame.ignores, ancestors: ancestors))
                case .regular:
                    if excludes.verdict(path: relative, isDirectory: false) == true {
                        skip(Skip(displayPath: display, reason: .excluded, message: nil)); continue
                    }
                    if isIgnored(anchored, isDirectory: false, frame.ignores) {
                        skip(Skip(displayPath: display, reason: .ignored, message: nil)); continue
                    }
                    let found = FileEntry(path: childPath, displayPath: display,
                                          rootRelativePath: FileName.display(relative))
                    if Walker.hasBinaryExtension(entry.name) {
                        skip(Skip(displayPath: display, reason: .binary, message: nil, entry: found)); continue
                    }
                    file(found)
                case .symlink:
                    skip(Skip(displayPath: display, reason: .symlink, message: nil))
                case .special, .unknown:
                    skip(Skip(displayPath: display, reason: .special, message: nil))
                }
            }
            // Depth first, in name order.
            stack.append(contentsOf: subfolders.reversed())
        }
    }

    /// When `root` lies inside a git work tree below its top, the ignore files of the folders
    /// above it apply too (as git and ripgrep do): returns the root's path relative to the
    /// top ("sub/dir/") and the rules of `.git/info/exclude` and of every `.gitignore`/`.ignore`
    /// from the top down to the root's parent.
    static func enclosingIgnores(of root: String) -> (anchor: [UInt8], rules: [IgnoreRules]) {
        guard let real = realpath(root, nil) else { return ([], []) }
        let absolute = String(cString: real)
        free(real)
        var parts = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var below: [String] = []
        while !parts.isEmpty {
            let dir = "/" + parts.joined(separator: "/")
            var st = stat()
            if lstat(dir + "/.git", &st) == 0 {
                guard !below.isEmpty else { return ([], []) }  // the root is the top: the walk loads them
                var rules: [IgnoreRules] = []
                if let text = readSmallFile(Array((dir + "/.git/info/exclude").utf8)) {
                    rules.append(IgnoreRules(text: text, base: []))
                }
                var base = ""
                var folder = dir
                for name in below.reversed() {
                    for file in [".gitignore", ".ignore"] {
                        if let text = readSmallFile(Array((folder + "/" + file).utf8)) {
                            rules.append(IgnoreRules(text: text, base: Array(base.utf8)))
                        }
                    }
                    base += name + "/"
                    folder += "/" + name
                }
                return (Array(base.utf8), rules)
            }
            below.append(parts.removeLast())
        }
        return ([], [])
    }

    func isIgnored(_ relative: [UInt8], isDirectory: Bool, _ ignores: [IgnoreRules]) -> Bool {
        for rules in ignores.reversed() {
            if let v = rules.verdict(path: relative, isDirectory: isDirectory) { return v }
        }
        return false
    }

    static func realPath(_ path: [UInt8]) -> String? {
        guard let r = realpath(path.cString, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    static func resolves(_ path: [UInt8], inside root: String) -> Bool {
        guard let real = realPath(path) else { return false }
        return real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static let dotGit = Array(".git".utf8)
    static let dotGitignore = Array(".gitignore".utf8)
    static let dotIgnore = Array(".ignore".utf8)

    public static func hasBinaryExtension(_ name: [UInt8]) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0, name.count - dot <= 7 else { return false }
        let ext = String(decoding: name[(dot + 1)...].map { $0 | ($0 >= 65 && $0 <= 90 ? 0x20 : 0) }, as: UTF8.self)
        return binaryExtensions.contains(ext)
    }

    enum Kind {
        case regular, directory, symlink, special, unknown
        init(dtype: UInt8) {
            switch Int32(dtype) {
            case Int32(DT_REG): self = .regular
            case Int32(DT_DIR): self = .directory
            case Int32(DT_LNK): self = .symlink
            case Int32(DT_UNKNOWN): self = .unknown
            default: self = .special
            }
        }
        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symlink
            default: self = .special
            }
        }
    }

    struct DirEntry { let name: [UInt8]; let kind: Kind }

    /// The entries of a folder sorted by name (without `.` and `..`), or nil if it cannot be read.
    static func readDirectory(_ path: [UInt8]) -> [DirEntry]? {
        guard let dir = opendir(path.cString) else { return nil }
        defer { closedir(dir) }
        var out: [DirEntry] = []
        while let ent = readdir(dir) {
            let name: [UInt8] = withUnsafePointer(to: &ent.pointee.d_name) { p in
                p.withMemoryRebound(to: UInt8.self, capacity: 256) { c in
                    Array(UnsafeBufferPointer(start: c, count: strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))))
                }
            }
            if name == [46] || name == [46, 46] { continue }
            out.append(DirEntry(name: name, kind: Kind(dtype: ent.pointee.d_type)))
        }
        out.sort { $0.name.lexicographicallyPrecedes($1.name) }
        return out
    }

    /// Reads a small text file (ignore files), or nil.
    static func readSmallFile(_ path: [UInt8]) -> [UInt8]? {
        let fd = open(path.cString, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size < 4 << 20 else { return nil }
        var buf = [UInt8](repeating: 0, count: Int(st.st_size))
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return n >= 0 ? Array(buf.prefix(n)) : nil
    }
}

extension Array where Element == UInt8 {
    /// NUL-terminated copy for C calls.
    var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}

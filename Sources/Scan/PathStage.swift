import Crypto
import Foundation
import Inputs
import Match
import Report
import Rules
import Triage
import Vocabulary
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Files that are secrets by name (key stores, `config/master.key`): path-only rules judge the
// path an input names, never the bytes the matcher sees. They see every file the walker yields
// and every file it skips as binary by its extension (a key store is binary), but not the files
// it skips as ignored or excluded; every file a staged change or a commit of a range writes
// (binary ones too, whose patches carry no lines); every blob of the history. A path-only
// finding is the file: line 1, column 1, the file name as its secret (the contents are never
// shown, with or without --show-secrets), its size as the secret's length, a description as its
// context. The content rules with a path condition run in the core like any rule, behind a gate
// that each item's path opens (`ScanWorker.openPathGates`).

/// Builds the findings of path-only rules. One instance a thread (it owns a match workspace).
final class PathStage {
    let rules: RuleSet
    let options: ScanOptions
    /// For matching paths; made on first use (a scan without path-only rules needs none).
    lazy var workspace = MatchWorkspace()

    /// Files up to this size are read whole, so the fingerprint covers their contents (a key
    /// store replaced by a new one is a new finding); larger ones count by path and size.
    static let digestLimit = 1 << 20

    init(rules: RuleSet, options: ScanOptions) {
        self.rules = rules
        self.options = options
    }

    var hasPathOnlyRules: Bool { rules.paths.hasPathOnlyRules }

    /// What a path-only finding says of its file.
    struct Facts: Equatable {
        var size: Int
        /// NUL in the first 8 KiB (nil: not read).
        var binary: Bool?
        /// SHA-256 of the contents, for files up to `digestLimit` bytes.
        var digest: String?
        var entropy: Double = 0

        /// Facts from the whole contents (or, for a large file, its first bytes and its size).
        init(bytes: UnsafeBufferPointer<UInt8>, size: Int) {
            self.size = size
            if case .binary = ContentCheck.classify(bytes) { binary = true } else { binary = false }
            if bytes.count == size && size <= PathStage.digestLimit {
                digest = SHA256.hash(data: UnsafeRawBufferPointer(bytes)).map { String(format: "%02x", $0) }.joined()
                entropy = Entropy.shannon(bytes)
            }
        }

        init(size: Int) { self.size = size }
    }

    // MARK: Files on disk

    /// The path a file's conditions are matched against: below the scan root, or as the user
    /// wrote it (without a leading `./`) for a file named as a root itself.
    static func subject(_ entry: FileEntry, roots: [String]) -> String {
        guard roots.contains(entry.displayPath) else { return entry.rootRelativePath }
        var path = Substring(entry.displayPath)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// The path-only finding of a file the walker met, if a rule names it (and it is not empty).
    func finding(for entry: FileEntry) -> Finding? {
        guard hasPathOnlyRules,
              let rule = rules.paths.pathOnlyRule(for: PathStage.subject(entry, roots: options.roots), workspace: workspace),
              let facts = facts(ofFile: entry.path)
        else { return nil }
        return candidate(rule: rule, file: entry.displayPath, contextPath: entry.rootRelativePath, facts: facts, commit: nil)?.finding
    }

    /// Reads what the finding needs of a file: its size, whether it is binary and, when small,
    /// a digest. Nil for an empty file (it holds nothing) or one that is not a regular file.
    func facts(ofFile path: [UInt8]) -> Facts? {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (options.followSymlinks ? 0 : O_NOFOLLOW)
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        let fd = open(cPath, flags)
        var st = stat()
        guard fd >= 0 else {
            // Unreadable (permissions): the name and the size still say what it is.
            guard stat(cPath, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return nil }
            return Facts(size: Int(st.st_size))
        }
        defer { close(fd) }
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        let limit = min(PathStage.digestLimit, options.maxFileSize)
        let wanted = size <= limit ? size : FileReader.binaryProbe
        var bytes = [UInt8](repeating: 0, count: wanted)
        var total = 0
        while total < wanted {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, wanted - total) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            total += n
        }
        if total == 0 { return Facts(size: size) }
        return bytes.withUnsafeBufferPointer { Facts(bytes: UnsafeBufferPointer(rebasing: $0[0..<total]), size: size) }
    }

    /// The path-only finding of bytes scanned as if they were the file `name` (tests, examples).
    func findings(bytes: [UInt8], name: String) -> [Finding] {
        guard hasPathOnlyRules, !bytes.isEmpty, let rule = rules.paths.pathOnlyRule(for: name, workspace: workspace) else { return [] }
        let facts = bytes.withUnsafeBufferPointer { Facts(bytes: $0, size: bytes.count) }
        return candidate(rule: rule, file: name, contextPath: name, facts: facts, commit: nil).map { [$0.finding] } ?? []
    }

    // MARK: Git: staged changes, ranges, history

    /// The path-only findings of the files staged changes or a range's commits write (each
    /// version once: the first commit that writes it).
    func findings(for files: [GitPaths.ChangedFile], repository: String) -> [Finding] {
        guard hasPathOnlyRules else { return [] }
        let named = files.compactMap { f in rules.paths.pathOnlyRule(for: f.path, workspace: workspace).map { (f, $0) } }
        guard !named.isEmpty else { return [] }
        let blobs = (try? GitPaths.blobs(named.map(\.0.oid), repository: repository, readLimit: readLimit)) ?? [:]
        var seen = Set<String>()
        var out: [Finding] = []
        for (file, rule) in named {
            guard let facts = facts(of: blobs[file.oid]),
                  let c = candidate(rule: rule, file: file.path, contextPath: file.path, facts: facts,
                                    commit: file.commit),
                  seen.insert(c.finding.fingerprint).inserted
            else { continue }
            out.append(c.finding)
        }
        return out
    }

    /// Collects the history blobs path-only rules name, as the history listing passes them.
    func historyHits() -> HistoryHits? {
        hasPathOnlyRules ? HistoryHits(conditions: rules.paths) : nil
    }

    /// The findings of the blobs `hits` collected, to be attributed to commits like the others.
    func blobFindings(_ hits: HistoryHits, repository: String) -> [BlobFinding] {
        let named = hits.taken()
        guard !named.isEmpty else { return [] }
        let blobs = (try? GitPaths.blobs(named.map(\.0.oid), repository: repository, readLimit: readLimit)) ?? [:]
        return named.compactMap { info, rule in
            guard let facts = facts(of: blobs[info.oid]) ?? (info.size > 0 ? Facts(size: info.size) : nil),
                  let c = candidate(rule: rule, file: info.path, contextPath: info.path, facts: facts, commit: nil)
            else { return nil }
            return BlobFinding(finding: c.finding, oid: info.oid, secretKey: c.secretKey)
        }
    }

    private var readLimit: Int { min(PathStage.digestLimit, options.maxFileSize) }

    private func facts(of blob: GitPaths.Blob?) -> Facts? {
        guard let blob, blob.size > 0 else { return nil }
        guard let bytes = blob.bytes else { return Facts(size: blob.size) }
        return bytes.withUnsafeBufferPointer { Facts(bytes: $0, size: blob.size) }
    }

    // MARK: The finding

    /// A path-only finding of rule `index` for `file` (as reported; `contextPath` is what triage
    /// judges), or nil when the config turns the rule off there.
    func candidate(rule index: Int, file: String, contextPath: String, facts: Facts, commit: Commit?) -> Candidate? {
        let rule = rules.rules[index]
        let allowlist = options.allowlist
        if allowlist.isDisabled(rule: rule.id, path: file) { return nil }
        let name = String(file.split(separator: "/").last ?? Substring(file))
        let assessment = Assessment.assess(
            ruleID: rule.id, baseLevel: rule.blastRadius.level, baseLifetime: rule.blastRadius.lifetime,
            baseCapabilities: rule.blastRadius.capabilities, secret: "", path: contextPath, now: options.now)
        // The contents, not the name, are the secret: the fingerprint covers them when read.
        let identity = facts.digest.map { "sha256:" + $0 } ?? ""
        var finding = Finding(
            rule: rule.id, ruleName: rule.name, provider: rule.provider, category: rule.category,
            file: file, line: 1, column: 1, secret: name, secretLength: facts.size, redacted: true,
            fingerprint: FindingBuilder.fingerprint(rule: rule.id, file: options.anchor.path(of: file), secret: identity),
            entropy: facts.entropy, context: PathStage.describe(rule: rule, facts: facts),
            blastRadius: BlastRadiusInfo(level: assessment.level, lifetime: assessment.lifetime,
                                         capabilities: assessment.capabilities,
                                         reasons: [rule.blastRadius.impact] + assessment.reasons),
            tags: rule.category == .ai ? ["llmjacking"] : [],
            suppression: allowlist.suppression(secret: name, path: file))
        finding.commit = commit
        return Candidate(finding: finding, secretKey: FindingBuilder.fingerprint(rule: rule.id, file: "", secret: identity.isEmpty ? "path:" + file : identity))
    }

    /// "PKCS#12 key store (binary, 2,604 bytes)": the rule's name and what the file is.
    static func describe(rule: Rule, facts: Facts) -> String {
        let kind = facts.binary.map { $0 ? "binary, " : "text, " } ?? ""
        return "\(rule.name) (\(kind)\(grouped(facts.size)) byte\(facts.size == 1 ? "" : "s"))"
    }

    /// 2604 → "2,604", whatever the locale.
    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > 0 { digits.insert(",", at: i); i -= 3 }
        return String(digits)
    }
}

/// The files staged changes or a range's commits write, listed by git on another thread while
/// the patch is read (one more git process, not one more wait).
final class ChangedFilesListing: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[GitPaths.ChangedFile], GitError> = .success([])

    init(mode: ScanOptions.Mode, repository: String) {
        Thread.detachNewThread { [self] in
            do throws(GitError) {
                if case .range(let r) = mode { result = .success(try GitPaths.range(r, repository: repository)) }
                else { result = .success(try GitPaths.staged(repository: repository)) }
            } catch {
                result = .failure(error)
            }
            done.signal()
        }
    }

    func wait() throws(GitError) -> [GitPaths.ChangedFile] {
        done.wait()
        return try result.get()
    }
}

/// History blobs path-only rules name, collected on the thread that lists the history (which
/// owns the workspace) and taken once the listing ends.
final class HistoryHits: @unchecked Sendable {
    private let conditions: PathConditions
    private let workspace = MatchWorkspace()
    private let lock = NSLock()
    private var hits: [(GitHistory.BlobInfo, Int)] = []

    init(conditions: PathConditions) { self.conditions = conditions }

    /// Called for each blob the listing names, before any skip (binary, too large) but not for
    /// excluded ones.
    func note(_ blob: GitHistory.BlobInfo) {
        guard let rule = conditions.pathOnlyRule(for: blob.path, workspace: workspace) else { return }
        lock.withLock { hits.append((blob, rule)) }
    }

    func taken() -> [(GitHistory.BlobInfo, Int)] { lock.withLock { hits } }
}

extension ScanWorker {
    /// Opens the gates of the content rules whose path condition the item's path meets, before
    /// its fragments reach the core.
    func openPathGates(for item: WorkItem) {
        let path: String
        switch item {
        case .file(let entry): path = PathStage.subject(entry, roots: options.roots)
        case .added(let change): path = change.path
        case .stream(_, let name): path = name
        case .blob(let info, _), .delta(let info, _, _): path = info.path
        }
        rules.paths.openGates(for: path, in: workspace)
    }
}

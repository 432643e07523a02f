import Foundation
import Inputs
import Report
import Triage
import Vocabulary

/// After matching: age (git blame, or the file's modification time), owner (CODEOWNERS team,
/// author of the line) and the risk score that ranks findings. Blames only the files that
/// have findings, in parallel; never the whole tree.
struct TriageStage {
    let options: ScanOptions
    /// Problems met on the way (a malformed CODEOWNERS): reported, never fatal.
    private(set) var warnings: [String] = []

    init(options: ScanOptions) { self.options = options }

    /// CODEOWNERS of a repository; a malformed one is a warning naming file and line.
    private mutating func codeOwners(_ repo: String) -> CodeOwners? {
        do {
            let owners = try CodeOwners.load(repositoryRoot: repo)
            warnings += owners?.warnings.map(\.description) ?? []
            return owners
        } catch {
            warnings.append("\(error) (owner teams left out)")
            return nil
        }
    }

    mutating func apply(to findings: inout [Finding]) {
        guard !findings.isEmpty else { return }
        switch options.mode {
        case .files: triageFiles(&findings)
        case .staged, .range, .history: triageCommits(&findings)
        }
        if options.mode != .files && options.mode != .staged { markShallowAges(&findings) }
        for i in findings.indices {
            TriageStage.tagLLMjacking(&findings[i])
            TriageStage.score(&findings[i])
        }
    }

    /// In a shallow clone the oldest commits present stand in for all the history cut away: a
    /// secret credited to one of them may be far older. Their ages become unknown, with a reason,
    /// and the scan says once why.
    private mutating func markShallowAges(_ findings: inout [Finding]) {
        let repo = options.roots.first ?? "."
        guard let boundary = shallowBoundary(of: repo) else { return }
        markShallow(&findings, in: repo, boundary: boundary, indices: findings.indices) { $0.commit?.sha }
    }

    /// The shallow boundary (graft) commits of `repo`, or nil when it is not a shallow clone.
    private func shallowBoundary(of repo: String) -> Set<String>? {
        guard GitCommand.isShallow(repository: repo),
              let data = try? GitCommand.run(["rev-parse", "--git-path", "shallow"], in: repo) else { return nil }
        var path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !path.hasPrefix("/") { path = (repo as NSString).appendingPathComponent(path) }
        return Set(((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
    }

    /// Makes unknown the ages of the findings at `indices` whose commit (`commit(finding)`) is on
    /// the shallow boundary, with the reason; one warning for the repository.
    private mutating func markShallow(_ findings: inout [Finding], in repo: String, boundary: Set<String>,
                                      indices: some Sequence<Int>, commit: (Finding) -> String?) {
        warnings.append("\(repo) is a shallow clone: introducing commits and ages stop at its depth; secrets credited to its oldest commits have an unknown age (fetch the full history for the truth)")
        for i in indices where commit(findings[i]).map({ boundary.contains($0) }) ?? false {
            findings[i].age = nil
            findings[i].blastRadius.reasons.append("introduced at or before the shallow clone's oldest commit: the true age is unknown")
        }
    }

    /// Findings from range and history scans carry their commit: that is their age and author.
    private mutating func triageCommits(_ findings: inout [Finding]) {
        let repo = options.roots.first ?? "."
        let owners = options.useGit ? codeOwners(GitBlame.repositoryRoot(for: repo) ?? repo) : nil
        for i in findings.indices {
            let team = owners.map { $0.owners(of: findings[i].file) }.flatMap { $0.isEmpty ? nil : $0 }
            let unowned: Bool? = owners == nil ? nil : team == nil
            if let c = findings[i].commit {
                findings[i].age = Age(introduced: c.date, days: days(since: c.date), commit: c.sha, source: .git)
                findings[i].owner = Owner(team: team, author: c.author, email: c.email, unowned: unowned)
            } else {
                findings[i].owner = Owner(team: team, author: nil, email: nil, unowned: unowned)
            }
        }
    }

    /// Plain file scans: blame the lines in git work trees, modification time elsewhere.
    private mutating func triageFiles(_ findings: inout [Finding]) {
        // Group by file; resolve each file's repository once per folder.
        var byFile: [String: [Int]] = [:]
        for (i, f) in findings.enumerated() { byFile[f.file, default: []].append(i) }
        var repoOfFolder: [String: String?] = [:]
        var ownersOfRepo: [String: CodeOwners?] = [:]
        var requests: [String: [(file: String, lines: [Int])]] = [:]
        var location: [String: (repo: String, relative: String)] = [:]
        if options.useGit {
            for file in byFile.keys.sorted() {
                let absolute = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
                let folder = (absolute as NSString).deletingLastPathComponent
                let repo: String?
                if let cached = repoOfFolder[folder] { repo = cached } else {
                    repo = TriageStage.workTreeTop(of: folder)
                    repoOfFolder[folder] = repo
                }
                guard let repo, absolute.hasPrefix(repo + "/") else { continue }
                let relative = String(absolute.dropFirst(repo.count + 1))
                location[file] = (repo, relative)
                requests[repo, default: []].append((relative, byFile[file]!.map { findings[$0].line }))
                if ownersOfRepo[repo] == nil { ownersOfRepo[repo] = codeOwners(repo) }
            }
        }
        var blamed: [String: [String: [Int: BlameInfo]]] = [:]
        for (repo, reqs) in requests {
            blamed[repo] = GitBlame.blameAll(repository: repo, requests: reqs, threads: max(2, options.threads))
        }
        // The secret's own introduction (not the line's last change): its text is read back from the
        // file at the finding's place, and searched for in the file's history in process.
        var rawSecret: [Int: String] = [:]
        var searches: [String: [(file: String, secrets: [String])]] = [:]
        for (file, indices) in byFile {
            guard let loc = location[file] else { continue }
            let lines = TriageStage.lines(of: file)
            var secrets: [String] = []
            // Only secrets whose line was edited after they came need the history search: when the
            // version before the blame commit lacks the secret (or there is none), the blame commit
            // brought it. One blob read per earlier version, instead of the file's whole log.
            var byPrevious: [String: [String]] = [:]
            for i in indices where findings[i].decoded == nil {
                guard let s = TriageStage.secret(of: findings[i], in: lines) else { continue }
                rawSecret[i] = s
                guard let info = blamed[loc.repo]?[loc.relative]?[findings[i].line], info.committed else { continue }
                if let previous = info.previous { byPrevious[previous, default: []].append(s) }
            }
            for (previous, held) in byPrevious.sorted(by: { $0.key < $1.key }) {
                let already = SecretIntroduction.held(in: previous, repository: loc.repo, secrets: held) ?? Set(held)
                secrets += held.filter { already.contains($0) }
            }
            if !secrets.isEmpty { searches[loc.repo, default: []].append((loc.relative, secrets)) }
        }
        var introductions: [String: [String: [String: SecretIntroduction.Commit]]] = [:]
        for (repo, reqs) in searches {
            introductions[repo] = SecretIntroduction.findAll(repository: repo, requests: reqs, threads: max(2, options.threads))
        }
        for (file, indices) in byFile {
            let loc = location[file]
            let owners = loc.flatMap { ownersOfRepo[$0.repo] ?? nil }
            let team = owners.map { $0.owners(of: loc!.relative) }.flatMap { $0.isEmpty ? nil : $0 }
            let unowned: Bool? = owners == nil ? nil : team == nil
            // One formatted date a file: an ISO8601DateFormatter costs tens of microseconds to make.
            let mtime = modificationDate(file).map {
                (iso: isoFormatter.string(from: $0), days: max(0, Int(options.now.timeIntervalSince($0) / 86_400)))
            }
            for i in indices {
                let info = loc.flatMap { blamed[$0.repo]?[$0.relative]?[findings[i].line] }
                let intro = loc.flatMap { l in rawSecret[i].flatMap { introductions[l.repo]?[l.relative]?[$0] } }
                if let info, info.committed {
                    // The line's last change is a second fact, given when it is not the introduction itself.
                    let last = LastTouch(date: info.date, days: info.ageDays(now: options.now), commit: info.commit,
                                         author: info.author, email: info.email)
                    if let intro {
                        let days = max(0, Int((options.now.timeIntervalSince1970 - Double(intro.authorTime)) / 86_400))
                        findings[i].age = Age(introduced: intro.date, days: days, commit: intro.sha, source: .git,
                                              lastTouched: intro.sha == info.commit ? nil : last)
                        findings[i].owner = Owner(team: team, author: intro.author, email: intro.email, unowned: unowned)
                    } else {
                        findings[i].age = Age(introduced: info.date, days: info.ageDays(now: options.now), commit: info.commit,
                                              source: .git)
                        findings[i].owner = Owner(team: team, author: info.author, email: info.email, unowned: unowned)
                    }
                } else {
                    if let mtime {
                        findings[i].age = Age(introduced: mtime.iso, days: mtime.days, commit: nil, source: .mtime)
                    }
                    findings[i].owner = Owner(team: team, author: nil, email: nil, unowned: unowned)
                }
            }
        }
        // Blame in a shallow clone credits every older line to the boundary commit.
        for repo in requests.keys.sorted() {
            guard let boundary = shallowBoundary(of: repo) else { continue }
            let inRepo = byFile.filter { location[$0.key]?.repo == repo }.flatMap(\.value)
            markShallow(&findings, in: repo, boundary: boundary, indices: inRepo) { $0.age?.source == .git ? $0.age?.commit : nil }
        }
    }

    /// Risk from the finding's blast radius, whether it is committed, and how long it has been
    /// out: the one place a finding's risk is computed.
    static func score(_ f: inout Finding) {
        let committed = f.age?.source == .git
        let historyOnly = f.presentAtHead == false
        f.risk = RiskModel.score(level: f.blastRadius.level, lifetime: f.blastRadius.lifetime, committed: committed,
                                 inHistoryOnly: historyOnly, ageDays: f.age?.days)
        if historyOnly && !f.blastRadius.reasons.contains(TriageStage.historyReason) {
            f.blastRadius.reasons.append(TriageStage.historyReason)
        }
    }

    /// Tags credentials that can buy model access `llmjacking`, with the reason in the blast radius.
    static func tagLLMjacking(_ f: inout Finding) {
        guard let reason = LLMjacking.reason(ruleID: f.rule, category: f.category) else { return }
        if !f.tags.contains(LLMjacking.tag) { f.tags.append(LLMjacking.tag) }
        // AI keys are the model service itself: their rule already says so.
        let line = "LLMjacking: " + reason
        if f.category != .ai && !f.blastRadius.reasons.contains(line) { f.blastRadius.reasons.append(line) }
    }

    static let historyReason = "Removed from the files at HEAD but still in the git history: every clone has it."

    private let isoFormatter = ISO8601DateFormatter()
    /// Whole days since each commit date met so far (a history has few distinct ones per finding).
    private var daysSince: [String: Int] = [:]

    private mutating func days(since iso: String) -> Int {
        if let known = daysSince[iso] { return known }
        let days = isoFormatter.date(from: iso).map { max(0, Int(options.now.timeIntervalSince($0) / 86_400)) } ?? 0
        daysSince[iso] = days
        return days
    }

    /// A file's lines (split at `\n`), or nil when it cannot be read.
    static func lines(of file: String) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The finding's secret as it stands in the file: `secretLength` bytes from its 1-based line and
    /// column (in characters); nil when the file changed under the scan.
    static func secret(of f: Finding, in lines: [Substring]?) -> String? {
        guard let lines, f.line >= 1, f.line <= lines.count, f.column >= 1 else { return nil }
        let line = lines[f.line - 1]
        guard let start = line.index(line.startIndex, offsetBy: f.column - 1, limitedBy: line.endIndex) else { return nil }
        let bytes = line[start...].utf8.prefix(f.secretLength)
        guard bytes.count == f.secretLength else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The top of the git work tree holding `folder`: the nearest folder above with a `.git`
    /// entry (a folder, or a file for worktrees and submodules). Found without running git,
    /// since a scan may have findings in hundreds of folders.
    static func workTreeTop(of folder: String) -> String? {
        var dir = folder
        while true {
            if FileManager.default.fileExists(atPath: dir + "/.git") { return dir }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    /// The file's modification time; a path whose name is not UTF-8 (shown with `\xNN`) is
    /// found by its bytes, so each such file has its own date.
    private func modificationDate(_ file: String) -> Date? {
        if let date = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date { return date }
        guard file.contains("\\x") else { return nil }
        var st = stat()
        let bytes = FileName.bytes(display: file).map { CChar(bitPattern: $0) } + [0]
        guard stat(bytes, &st) == 0 else { return nil }
        return Date(timeIntervalSince1970: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
    }
}

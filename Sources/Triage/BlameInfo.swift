import Foundation

/// Who last touched a line holding a secret, and when: the finding's owner of record and its age.
public struct BlameInfo: Sendable, Equatable, Codable {
    /// Commit that last changed the line (all zeros when not committed), to link the report to history.
    public var commit: String
    /// Author name, the person to ask about the secret.
    public var author: String
    /// Author email without `<>`, to reach that person.
    public var email: String
    /// Author time, seconds since 1970 UTC, to compute the exposure age.
    public var authorTime: Int64
    /// Author time in ISO 8601 at the author's own UTC offset (`Z` when zero), for people.
    public var date: String
    /// False for lines only in the working tree, which no clone has seen yet.
    public var committed: Bool
    /// The version of the file before `commit` (porcelain's `previous <sha> <path>`, as
    /// `sha:path`); nil when `commit` created the file (or is a boundary), so every line it
    /// holds came with it.
    public var previous: String?

    public init(commit: String, author: String, email: String, authorTime: Int64, date: String, committed: Bool) {
        self.commit = commit
        self.author = author
        self.email = email
        self.authorTime = authorTime
        self.date = date
        self.committed = committed
    }

    /// Whole days from the author time to `now` (0 for uncommitted lines or clocks in the future).
    public func ageDays(now: Date) -> Int {
        guard committed else { return 0 }
        return max(0, Int((now.timeIntervalSince1970 - Double(authorTime)) / 86_400))
    }

    /// The record for a line that is not committed (or a file git does not track).
    static func uncommitted(now: Date = Date()) -> BlameInfo {
        let t = Int64(now.timeIntervalSince1970)
        return BlameInfo(commit: String(repeating: "0", count: 40), author: "Not Committed Yet",
                         email: "not.committed.yet", authorTime: t, date: ISODate.format(epoch: t), committed: false)
    }
}

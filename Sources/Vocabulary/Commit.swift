/// A git commit as triage and reports need it: who made it and when.
public struct Commit: Sendable, Codable, Equatable, Hashable {
    public var sha: String
    public var author: String
    public var email: String
    /// ISO 8601 author date, with the author's own UTC offset.
    public var date: String

    public init(sha: String, author: String, email: String, date: String) {
        self.sha = sha
        self.author = author
        self.email = email
        self.date = date
    }
}

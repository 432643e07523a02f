/// A CODEOWNERS line GitHub would not use (and leakscope skips); its text names the file and line
/// so people can fix it.
public struct CodeOwnersError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The CODEOWNERS file as given (relative to the repository root when loaded from one).
    public let file: String
    /// 1-based line of the problem.
    public let line: Int
    /// What is wrong with the line.
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

import Inputs

/// One unit of work the producer hands a worker.
enum WorkItem: Sendable {
    /// A file on disk, read by the worker.
    case file(FileEntry)
    /// Standard input (`scan -`), read by the worker in chunks, reported as `name`.
    case stream(fd: Int32, name: String)
    /// The lines a staged change or a commit adds to one path.
    case added(AddedLines)
    /// A history blob, read by git.
    case blob(GitHistory.BlobInfo, [UInt8])
    /// A history blob and an older version of it (same path) that was scanned already: only
    /// where they differ, with margins, is scanned.
    case delta(GitHistory.BlobInfo, [UInt8], base: [UInt8])
}

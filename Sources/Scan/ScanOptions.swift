/// Everything a scan needs to know, as one plain value (the CLI fills it in).
public struct ScanOptions: Sendable {
    /// Default `--max-file-size`: larger files are skipped (and counted). Lockfiles, minified
    /// bundles and generated code that carry secrets are far below it; data dumps are above.
    public static let defaultMaxFileSize = 10 * 1024 * 1024

    public var roots: [String]
    public var honorIgnoreFiles = true
    public var excludes: [String] = []
    public var followSymlinks = false
    public var maxFileSize = ScanOptions.defaultMaxFileSize
    /// Worker threads (default: all cores).
    public var threads = ScanOptions.defaultThreads
    /// Show full secrets in every output (off: a short prefix and the length).
    public var showSecrets = false

    public init(roots: [String]) { self.roots = roots.isEmpty ? ["."] : roots }

    public static var defaultThreads: Int { max(1, ProcessInfoCores.active) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum ProcessInfoCores {
    static var active: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

// gitignore patterns: IgnoreRules(text:base:), verdict and ignores(filePath:) (Glob underneath).
// Input: the ignore file, then optionally a NUL and newline-separated paths to judge.
import FuzzSupport
import Glob

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (file, queries) = FuzzInput.split(FuzzInput.bytes(data, size))
    var paths = queries.split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
    paths += [Array("a/b/c.txt".utf8), Array("src/.env".utf8), Array("vendor/x/y".utf8), []]
    for base in [[], Array("src/".utf8)] {
        let rules = IgnoreRules(text: file, base: base)
        for p in paths.prefix(32) {
            _ = rules.verdict(path: p, isDirectory: false)
            _ = rules.verdict(path: p, isDirectory: true)
            _ = rules.ignores(filePath: p)
        }
    }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

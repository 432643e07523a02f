// CODEOWNERS: CodeOwners(text:file:), then owners(of:) for paths.
// Input: the file, then optionally a NUL and newline-separated paths to look up.
import FuzzSupport
import Triage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (file, queries) = FuzzInput.split(FuzzInput.bytes(data, size))
    let text = String(decoding: file, as: UTF8.self)
    let owners = CodeOwners(text: text, file: "CODEOWNERS")
    _ = owners.warnings
    var paths = FuzzInput.lines(queries)
    paths += ["README.md", "src/app/main.swift", "docs/a/b/c.md", ".github/workflows/ci.yml", "./x", "/y/z", ""]
    for p in paths { _ = owners.owners(of: p) }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

// The git object stream: GitHistory.listBlobs (parses `cat-file --batch-check` lines) and
// GitHistory.stream (the same listing fed to `cat-file --batch` by a writer thread, then a
// BufferedReader over its output: "<oid> <size> <path>" headers, then <size> bytes and a
// newline), through their public API. A stand-in `git` put first on PATH
// replays the input: before its first NUL byte as the --batch-check output, after it as the
// --batch output. Slow (three processes per input) but exercises the real reader and its
// writer thread.
import Foundation
import FuzzSupport
import Inputs

let workDir: URL = {
    signal(SIGPIPE, SIG_IGN)   // as the CLI does: git may exit before reading every id
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leakscope-fuzz-git-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let script = """
    #!/bin/sh
    for a in "$@"; do
      case "$a" in
        rev-list) exit 0 ;;
        --batch-check=*) cat >/dev/null; exec cat "\(dir.path)/check" ;;
        --batch|--batch=*) exec cat "\(dir.path)/batch" ;;
      esac
    done
    exit 1
    """
    let git = dir.appendingPathComponent("git")
    try? Data(script.utf8).write(to: git)
    chmod(git.path, 0o755)
    setenv("PATH", dir.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), 1)
    atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("leakscope-fuzz-git-\(getpid())").path) }
    return dir
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (check, batch) = FuzzInput.split(FuzzInput.bytes(data, size))
    do {
        try Data(check).write(to: workDir.appendingPathComponent("check"))
        try Data(batch).write(to: workDir.appendingPathComponent("batch"))
    } catch { fatalError("cannot write the stand-in git's output: \(error)") }
    _ = try? GitHistory.listBlobs(repository: workDir.path)
    _ = try? GitHistory.stream(repository: workDir.path, skip: { $0.size > 1 << 20 ? .tooLarge : nil }) { info, bytes, _ in
        precondition(bytes.count == info.size, "a blob's bytes differ from its header's size")
    }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

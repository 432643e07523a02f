// Git diffs: PatchParser.parse on `git log -p -U0` / `git diff -U0` style output.
import FuzzSupport
import Inputs

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let files = PatchParser.parse(FuzzInput.bytes(data, size))
    for f in files {
        precondition(f.numbers.count == f.lines.count, "line numbers and lines differ in count")
        let (_, numbers) = f.text()
        _ = numbers.count
    }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

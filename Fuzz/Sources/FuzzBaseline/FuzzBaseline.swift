// Baselines (a leakscope JSON report): Baseline.parse, the fingerprints and error lines.
import Foundation
import FuzzSupport
import Scan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    do {
        _ = try Baseline.parse(bytes, file: "baseline.json")
    } catch {
        _ = error.description
    }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

// Encoded runs: EncodedRuns.find (base64, base64url, hex) over arbitrary bytes.
import FuzzSupport
import Match

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let runs = EncodedRuns.find(in: UnsafeBufferPointer(start: data, count: size))
    var previousEnd = 0
    for run in runs {
        precondition(run.range.lowerBound >= previousEnd && run.range.upperBound <= size, "run out of order or out of bounds")
        precondition(!run.decoded.isEmpty, "empty decoding")
        previousEnd = run.range.upperBound
    }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

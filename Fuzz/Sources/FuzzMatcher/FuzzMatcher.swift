// The matcher with the built-in rules over arbitrary bytes: keyword automaton → PCRE2 windows →
// entropy and placeholder checks → findings (line, column, redaction), then each secret's anatomy.
import Foundation
import FuzzSupport
import Rules
import Scan
import Triage

let scanner: Scan.Scanner = {
    do { return Scan.Scanner(rules: try RuleSet.load()) } catch { fatalError("built-in rules: \(error)") }
}()
let now = Date(timeIntervalSince1970: 1_750_000_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    for finding in scanner.scan(bytes: bytes, name: "fuzz.txt", showSecrets: true) {
        precondition(finding.line >= 1 && finding.column >= 1, "finding outside the buffer")
        _ = KeyAnatomy.inspect(ruleID: finding.rule, secret: finding.secret, now: now)
    }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

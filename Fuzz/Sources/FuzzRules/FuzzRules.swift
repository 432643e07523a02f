// Rule files (TOML): RuleLoader.parse, regexes compiled, every error located.
import FuzzSupport
import Rules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    let (rules, errors) = RuleLoader.parse(text, file: "fuzz.toml", compile: true)
    for e in errors { _ = e.description }
    // Whatever parsed must also build a rule set (duplicate ids are an error, not a crash).
    if !rules.isEmpty, let set = try? RuleSet(rules: rules, eager: false) {
        _ = set.rules.count
    }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

// .leakscope.toml: Config.parse, then the allowlist it describes applied to a few paths and values.
import FuzzSupport
import Scan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    do {
        let config = try Config.parse(text, file: "dir/.leakscope.toml")
        _ = Allowlist(config: config)
    } catch {
        _ = error.description
    }
    return 0
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }

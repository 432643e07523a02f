// Build-time tool: writes a Swift file embedding rule files, base64-encoded (no escaping issues).
// usage: EmbedRulesTool OUTPUT.swift RULE.toml...
import Foundation

let args = CommandLine.arguments.dropFirst()
guard let output = args.first else {
    FileHandle.standardError.write(Data("usage: EmbedRulesTool OUTPUT.swift RULE.toml...\n".utf8))
    exit(2)
}
var source = "// Generated at build time from rules/*.toml by EmbedRulesTool. Do not edit.\n"
source += "let embeddedRuleFiles: [(name: String, base64: String)] = [\n"
for path in args.dropFirst().sorted() {
    let url = URL(fileURLWithPath: path)
    let data = try Data(contentsOf: url)
    source += "    (\"\(url.lastPathComponent)\", \"\(data.base64EncodedString())\"),\n"
}
source += "]\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)

import Foundation
import Testing
import TestSupport

/// The target graph tells the truth (docs/architecture.md): every module a target's files import
/// is a dependency Package.swift declares for it, every declared dependency is imported, and the
/// library's targets import one way, each from a lower layer only.
@Suite struct TargetGraphTests {
    /// Modules of the toolchain and the platform: imported without a declaration.
    static let platform: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationXML", "FoundationNetworking", "Glibc", "Musl",
        "Darwin", "Dispatch", "Synchronization", "Testing", "XCTest", "PackagePlugin", "_Concurrency",
    ]

    /// The layer of each library target: a target may depend only on targets of a lower layer, so
    /// the stages (Inputs, Rules, Triage, Report) know nothing of one another or of the pipeline.
    static let layers: [String: Int] = [
        "CPCRE2": 0, "Vocabulary": 0, "Glob": 0, "TOMLSupport": 0, "GitExec": 0,
        "Match": 1,
        "Rules": 2, "Inputs": 2, "Triage": 2, "Report": 2,
        "Scan": 3,
        "leakscope": 4,
    ]

    @Test func everyImportIsDeclaredAndEveryDeclarationImported() throws {
        let manifest = try Manifest.load()
        #expect(manifest.targets.count >= 20, "Package.swift was not parsed: \(manifest.targets.map(\.name))")
        for target in manifest.targets where target.kind != "systemLibrary" && target.kind != "plugin" {
            let imports = try Manifest.imports(under: PackageRoot.url.appendingPathComponent(target.path))
            #expect(!imports.isEmpty || target.name == "Vocabulary" || target.name == "Glob"
                    || target.name == "GitExec" || target.name == "TOMLSupport" || target.name == "EmbedRulesTool",
                    "no Swift files found for \(target.name) at \(target.path)")
            let undeclared = imports.subtracting(target.dependencies).subtracting(Self.platform)
            #expect(undeclared.isEmpty, "\(target.name) imports \(undeclared.sorted()) without declaring them in Package.swift")
            let unused = Set(target.dependencies).subtracting(imports).subtracting(["EmbedRulesTool"])
            #expect(unused.isEmpty, "\(target.name) declares \(unused.sorted()) but no file of it imports them")
        }
    }

    @Test func libraryTargetsImportFromLowerLayersOnly() throws {
        let manifest = try Manifest.load()
        for target in manifest.targets {
            guard let layer = Self.layers[target.name] else { continue }
            for dependency in target.dependencies {
                guard let below = Self.layers[dependency] else { continue }
                #expect(below < layer, "\(target.name) (layer \(layer)) depends on \(dependency) (layer \(below)): imports flow one way")
            }
        }
        // Every library target has a layer, so a new one cannot slip past the rule.
        let unlayered = manifest.targets.filter { $0.kind == "target" && $0.name != "TestSupport" && Self.layers[$0.name] == nil }
        #expect(unlayered.isEmpty, "give \(unlayered.map(\.name)) a layer in TargetGraphTests.layers")
    }

    @Test func theParserSeesDependenciesAndProducts() throws {
        let manifest = try Manifest.parse("""
            .target(name: "A", dependencies: ["B", .product(name: "Crypto", package: "swift-crypto")]),
            .testTarget(name: "ATests", dependencies: ["A"], exclude: ["x"]),
            .systemLibrary(name: "C", pkgConfig: "c"),
            """)
        #expect(manifest.targets.map(\.name) == ["A", "ATests", "C"])
        #expect(manifest.targets[0].dependencies == ["B", "Crypto"])
        #expect(manifest.targets[1].path == "Tests/ATests")
        #expect(try Manifest.imports(in: "import Foundation\n@testable import Scan\nimport struct Rules.Rule\n// import Nope\n") == ["Foundation", "Scan", "Rules"])
    }
}

/// What the tests need of Package.swift, read as text: it is ours and written one way.
struct Manifest {
    struct Target { let kind: String; let name: String; let path: String; let dependencies: [String] }
    let targets: [Target]

    static func load() throws -> Manifest {
        try parse(String(contentsOf: PackageRoot.url.appendingPathComponent("Package.swift"), encoding: .utf8))
    }

    static func parse(_ text: String) throws -> Manifest {
        let head = try Regex(#"\.(target|executableTarget|testTarget|systemLibrary|plugin)\(\s*name:\s*"([^"]+)""#)
        var targets: [Target] = []
        for match in text.matches(of: head) {
            let kind = String(match.output[1].substring ?? ""), name = String(match.output[2].substring ?? "")
            let body = String(balanced(text, from: text[match.range].firstIndex(of: "(")!, open: "(", close: ")"))
            var dependencies: [String] = []
            if let start = body.range(of: "dependencies:") {
                let list = balanced(body, from: body[start.upperBound...].firstIndex(of: "[")!, open: "[", close: "]")
                // `.product(name: "X", package: "p")` names X; a plain string names a target.
                let product = try Regex(#"\.product\(\s*name:\s*"([^"]+)"[^)]*\)|"([^"]+)""#)
                for item in list.matches(of: product) {
                    dependencies.append(String(item.output[1].substring ?? item.output[2].substring ?? ""))
                }
            }
            var path = (kind == "testTarget" ? "Tests/" : "Sources/") + name
            if let p = body.firstMatch(of: try Regex(#"path:\s*"([^"]+)""#)) { path = String(p.output[1].substring ?? "") }
            if kind == "plugin" { path = "Plugins/" + name }
            targets.append(Target(kind: kind, name: name, path: path, dependencies: dependencies))
        }
        return Manifest(targets: targets)
    }

    /// The text from `from` (an opening bracket) to its matching close, both included.
    static func balanced(_ text: String, from: String.Index, open: Character, close: Character) -> Substring {
        var depth = 0, i = from
        while i < text.endIndex {
            if text[i] == open { depth += 1 } else if text[i] == close { depth -= 1; if depth == 0 { return text[from...i] } }
            i = text.index(after: i)
        }
        return text[from...]
    }

    static func imports(in source: String) throws -> Set<String> {
        let line = try Regex(#"(?m)^[ \t]*(?:@\w+[ \t]+)*(?:public[ \t]+|internal[ \t]+|package[ \t]+)?import[ \t]+(?:(?:struct|class|enum|func|protocol|typealias|var|let)[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)"#)
        return Set(source.matches(of: line).compactMap { $0.output[1].substring.map(String.init) })
    }

    static func imports(under folder: URL) throws -> Set<String> {
        var all = Set<String>()
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return all }
        for case let file as URL in walk where file.pathExtension == "swift" {
            all.formUnion(try imports(in: String(contentsOf: file, encoding: .utf8)))
        }
        return all
    }
}

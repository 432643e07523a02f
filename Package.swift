// swift-tools-version: 6.0
import PackageDescription

// Imports flow one way: leakscope (CLI) → Scan (pipeline) → Inputs, Rules, Triage, Report; Rules → Match → CPCRE2;
// Inputs, Triage → GitExec.
let package = Package(
    name: "leakscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "leakscope", targets: ["leakscope"]),
        .library(name: "LeakscopeScan", targets: ["Scan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // The system PCRE2 (Debian: libpcre2-dev).
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        // Bytes only: keyword prefilter, PCRE2 patterns, entropy, placeholder filter.
        .target(name: "Match", dependencies: ["CPCRE2"]),
        // Rule files → a compiled rule set; embeds rules/ at build time.
        .target(
            name: "Rules",
            dependencies: ["Match", "TOMLKit"],
            plugins: ["EmbedRules"]
        ),
        // Starts git and collects its output; Inputs and Triage each add their own settings.
        .target(name: "GitExec"),
        // Files on disk → byte chunks with provenance. Knows nothing of rules.
        .target(name: "Inputs", dependencies: ["GitExec"]),
        // Age, owner, blast radius, risk: from provenance, rule metadata and the secret itself.
        .target(name: "Triage", dependencies: ["GitExec"]),
        // Findings → text, JSON. Knows nothing of matching.
        .target(name: "Report"),
        // The pipeline: sources → matcher → findings → reports.
        .target(
            name: "Scan",
            dependencies: [
                "Inputs", "Rules", "Triage", "Report",
                .product(name: "Crypto", package: "swift-crypto"), "TOMLKit",
            ]
        ),
        // The thin command line.
        .executableTarget(
            name: "leakscope",
            dependencies: ["Scan", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Build-time tool: turns rules/*.toml into Swift source for the Rules target.
        .executableTarget(name: "EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .target(name: "TestSupport", dependencies: ["Scan"], path: "Tests/TestSupport"),
        .testTarget(name: "MatchTests", dependencies: ["Match"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "TestSupport"]),
        .testTarget(name: "InputsTests", dependencies: ["Inputs", "GitExec", "TestSupport"]),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "TestSupport"]),
        .testTarget(name: "ScanTests", dependencies: ["Scan", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        // Golden files are read through #filePath, not bundled.
        .testTarget(name: "ReportTests", dependencies: ["Report", "TestSupport"], exclude: ["Golden"]),
        // Integration tests on real git repositories made in a temporary folder.
        .testTarget(name: "GitTests", dependencies: ["Scan", "TestSupport"]),
        // install-hook and the pre-commit framework, end to end (pip installs pre-commit).
        .testTarget(name: "HookTests", dependencies: ["TestSupport"]),
    ]
)

// swift-tools-version: 6.0
import PackageDescription

// Imports flow one way (docs/architecture.md):
//   leakscope (CLI) → Scan (pipeline) → Inputs, Rules, Triage, Report → Vocabulary;
//   Rules → Match → CPCRE2;  Inputs, Triage → GitExec;  Inputs, Scan → Glob;  Rules, Scan → TOMLSupport.
// Every target lists every module it imports.
let package = Package(
    name: "leakscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "leakscope", targets: ["leakscope"]),
        .library(name: "LeakscopeScan", targets: ["Scan", "Inputs", "Rules", "Triage", "Report", "Match", "Glob", "Vocabulary"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // The system PCRE2 (Debian: libpcre2-dev).
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        // The shared words: levels, lifetimes, categories, capabilities, commits, risk, provenance.
        .target(name: "Vocabulary"),
        // Bytes only: keyword prefilter, PCRE2 patterns, entropy, placeholder filter.
        .target(name: "Match", dependencies: ["CPCRE2"]),
        // gitignore-style globs and ignore files (the walker, --exclude, allowlist paths).
        .target(name: "Glob"),
        // Screens TOML text for what the bundled toml++ would assert on.
        .target(name: "TOMLSupport"),
        // Rule files → a compiled rule set; embeds rules/ at build time.
        .target(
            name: "Rules",
            dependencies: ["Match", "Vocabulary", "TOMLSupport", "TOMLKit"],
            plugins: ["EmbedRules"]
        ),
        // Starts git and collects its output; Inputs and Triage each add their own settings.
        .target(name: "GitExec"),
        // Files on disk, git changes and history → bytes with their place. Knows nothing of rules.
        .target(name: "Inputs", dependencies: ["GitExec", "Glob", "Vocabulary"]),
        // Age, owner, blast radius, risk: from provenance, rule metadata and the secret itself.
        .target(name: "Triage", dependencies: ["GitExec", "Vocabulary"]),
        // Findings → text, JSON, SARIF, CSV, JUnit, Markdown, HTML. Knows nothing of matching.
        .target(name: "Report", dependencies: ["Vocabulary"]),
        // The pipeline: plan → inputs → matcher → findings → triage → suppression → report.
        .target(
            name: "Scan",
            dependencies: [
                "Inputs", "Rules", "Match", "Triage", "Report", "Vocabulary", "Glob", "TOMLSupport",
                .product(name: "Crypto", package: "swift-crypto"), "TOMLKit",
            ]
        ),
        // The thin command line: parses, calls the library, prints.
        .executableTarget(
            name: "leakscope",
            dependencies: ["Scan", "Report", "Rules", "Vocabulary", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Build-time tool: turns rules/*.toml into Swift source for the Rules target.
        .executableTarget(name: "EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        // Temporary folders, fake keys, the package root, running the built binary. Depends on nothing of ours.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MatchTests", dependencies: ["Match"]),
        .testTarget(name: "GlobTests", dependencies: ["Glob"]),
        .testTarget(name: "TOMLSupportTests", dependencies: ["TOMLSupport"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Match", "TOMLSupport", "TestSupport"]),
        .testTarget(name: "InputsTests", dependencies: ["Inputs", "GitExec", "Rules", "Scan", "TestSupport"]),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "Vocabulary", "TestSupport"]),
        .testTarget(name: "ScanTests", dependencies: ["Scan", "Rules", "Report", "Vocabulary", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        // Golden files and the vendored SARIF schema are read through #filePath, not bundled.
        .testTarget(name: "ReportTests", dependencies: ["Report", "Rules", "Scan", "Vocabulary", "TestSupport"], exclude: ["Golden", "Schemas"]),
        // Integration tests on real git repositories made in a temporary folder.
        .testTarget(name: "GitTests", dependencies: ["Scan", "Inputs", "GitExec", "Report", "Rules", "Triage", "Vocabulary", "TestSupport"]),
        // install-hook and the pre-commit framework, end to end (pip installs pre-commit).
        .testTarget(name: "HookTests", dependencies: ["TestSupport"]),
        // Package.swift against the sources: every import declared, imports flowing one way.
        .testTarget(name: "PackageTests", dependencies: ["TestSupport"]),
    ]
)

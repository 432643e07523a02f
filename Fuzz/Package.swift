// swift-tools-version: 6.0
import Foundation
import PackageDescription

// libFuzzer targets for leakscope's parsers of untrusted input (see docs/fuzzing.md).
// Build and run them with scripts/fuzz.sh, which builds with
//   -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table
//   -Xswiftc -use-ld=lld
// so that every Swift module (leakscope's too) is coverage-instrumented and checked by ASan.
// Not `-sanitize=fuzzer` for every module: leakscope's build-time tool (EmbedRulesTool, run by
// its plugin) would then link libFuzzer's main and fail. Only the fuzz targets below link
// libFuzzer (their linker flag). lld, because gold crashes on ASan's DWARF here.

// A path dependency's identity is its folder's name (the checkout's), not "leakscope".
let parent = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let fuzzTargets = [
    "FuzzRules", "FuzzConfig", "FuzzBaseline", "FuzzCodeOwners", "FuzzKeyAnatomy",
    "FuzzEncodedRuns", "FuzzPatch", "FuzzIgnore", "FuzzMatcher", "FuzzGitStream",
]

let package = Package(
    name: "leakscope-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
    ] + fuzzTargets.map {
        .executableTarget(
            name: $0,
            dependencies: ["FuzzSupport", .product(name: "LeakscopeScan", package: parent)],
            path: "Sources/\($0)",
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        )
    }
)

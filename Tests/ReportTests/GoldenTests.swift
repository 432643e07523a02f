import Foundation
import Testing
@testable import Report

/// Every format rendered from `Fixture.report` and compared byte for byte with
/// `Tests/ReportTests/Golden/<format>.golden`.
///
/// After an intended change of a format, regenerate the files and review the diff:
///
///     LEAKSCOPE_UPDATE_GOLDEN=1 swift test --filter ReportTests.GoldenTests
///     git diff Tests/ReportTests/Golden
///
/// With `LEAKSCOPE_UPDATE_GOLDEN=1` the test writes the golden file instead of comparing (and
/// records an issue, so an update run never passes silently in CI).
@Suite struct GoldenTests {
    static var updating: Bool { ProcessInfo.processInfo.environment["LEAKSCOPE_UPDATE_GOLDEN"] == "1" }

    func check(_ name: String, _ rendered: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Paths.goldenDir.appendingPathComponent("\(name).golden")
        let actual = Data(rendered.utf8)
        if GoldenTests.updating {
            try FileManager.default.createDirectory(at: Paths.goldenDir, withIntermediateDirectories: true)
            try actual.write(to: url)
            Issue.record("updated \(url.path) (LEAKSCOPE_UPDATE_GOLDEN=1): review it and run again without",
                         sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("missing golden file \(url.path): run with LEAKSCOPE_UPDATE_GOLDEN=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let a = rendered.components(separatedBy: "\n"), e = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            let got = line < a.count ? a[line] : "<end of output>", want = line < e.count ? e[line] : "<end of file>"
            Issue.record("""
                \(name) differs from \(url.lastPathComponent) at line \(line + 1):
                  expected: \(want.debugDescription)
                  actual:   \(got.debugDescription)
                (LEAKSCOPE_UPDATE_GOLDEN=1 rewrites the golden file after an intended change)
                """, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ReportFormat.allCases)
    func format(_ format: ReportFormat) throws {
        try check(format.rawValue, format.reporter(color: false).render(Fixture.report))
    }

    @Test(arguments: ReportFormat.allCases)
    func cleanScan(_ format: ReportFormat) throws {
        try check("\(format.rawValue)-clean", format.reporter(color: false).render(Fixture.clean))
    }

    /// "1 file", not "1 files", wherever a summary counts the files.
    @Test func oneFileIsSingular() {
        var report = Fixture.clean
        report.summary.filesScanned = 1
        #expect(TextReporter().render(report).contains("0 findings in 1 file ("))
        #expect(MarkdownReporter().render(report).contains("Scanned 1 file ("))
        #expect(ReportFormat.html.reporter(color: false).render(report).contains("Scanned 1 file ("))
    }
}

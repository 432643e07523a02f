import Foundation
import Testing
import TestSupport
@testable import Report
@testable import Scan

/// Scans corpus/ and compares with corpus/expected/*.tsv: nothing missed, nothing extra.
@Suite struct CorpusTests {
    struct Expected: Hashable, CustomStringConvertible {
        let file: String, line: Int, rule: String
        var description: String { "\(file)\t\(line)\t\(rule)" }
    }

    @Test func corpusYieldsExactlyTheExpectedFindings() throws {
        let root = PackageRoot.url.appendingPathComponent("corpus")
        var expected = Set<Expected>()
        let expDir = root.appendingPathComponent("expected")
        for name in try FileManager.default.contentsOfDirectory(atPath: expDir.path)
        where name.hasSuffix(".tsv") && name != "blast-radius.tsv" {
            let text = try String(contentsOf: expDir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let cols = line.split(separator: "\t").map(String.init)
                try #require(cols.count == 3, "bad line in \(name): \(line)")
                expected.insert(Expected(file: cols[0], line: Int(cols[1]) ?? -1, rule: cols[2]))
            }
        }
        #expect(expected.count > 100)
        let report = try Scanner(rules: builtin).scan(ScanOptions(roots: [root.path]))
        let prefix = root.path + "/"
        let actual = Set(report.findings.map {
            Expected(file: String($0.file.dropFirst(prefix.count)), line: $0.line, rule: $0.rule)
        })
        let missed = expected.subtracting(actual).sorted { $0.description < $1.description }
        let extra = actual.subtracting(expected).sorted { $0.description < $1.description }
        #expect(missed.isEmpty, "missed:\n\(missed.map(\.description).joined(separator: "\n"))")
        #expect(extra.isEmpty, "extra:\n\(extra.map(\.description).joined(separator: "\n"))")
        #expect(report.findings.count == actual.count, "duplicate findings at one place")
        #expect(report.summary.complete)

        // Blast radius of a sample covering every level and lifetime.
        let blast = try String(contentsOf: expDir.appendingPathComponent("blast-radius.tsv"), encoding: .utf8)
        var levels = Set<String>(), lifetimes = Set<String>()
        for line in blast.split(separator: "\n") where !line.hasPrefix("#") {
            let c = line.split(separator: "\t").map(String.init)
            try #require(c.count == 5, "bad line in blast-radius.tsv: \(line)")
            let f = report.findings.first { String($0.file.dropFirst(prefix.count)) == c[0] && $0.line == Int(c[1]) && $0.rule == c[2] }
            let found = try #require(f, "no finding \(c[0]):\(c[1]) \(c[2])")
            #expect(found.blastRadius.level.rawValue == c[3] && found.blastRadius.lifetime.rawValue == c[4],
                    "\(c[0]):\(c[1]) is \(found.blastRadius.level)/\(found.blastRadius.lifetime), expected \(c[3])/\(c[4])")
            levels.insert(c[3]); lifetimes.insert(c[4])
        }
        #expect(levels == ["critical", "high", "medium", "low"])
        #expect(lifetimes.isSuperset(of: ["long-lived", "temporary", "expired"]))
    }
}

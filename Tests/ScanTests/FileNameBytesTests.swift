import Foundation
import Testing
import TestSupport
@testable import Report
@testable import Rules
@testable import Scan

/// Issue 11, "file names with invalid UTF-8 become U+FFFD": three different files shared one
/// path, one fingerprint and the last one's modification time.
@Suite struct FileNameBytesTests {
    /// Creates `dir/<prefix><bytes>.env` with `text`, modified `daysAgo` days ago.
    func write(_ dir: TempDir, _ bytes: [UInt8], _ text: String, daysAgo: Int) throws {
        let name = Array((dir.path + "/key-").utf8) + bytes + Array(".env".utf8)
        let path = name.map { CChar(bitPattern: $0) } + [0]
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        try #require(fd >= 0)
        let data = Array(text.utf8)
        #expect(Glibc.write(fd, data, data.count) == data.count)
        close(fd)
        let when = time_t(Date().timeIntervalSince1970) - time_t(daysAgo * 86_400)
        var times = [timeval(tv_sec: when, tv_usec: 0), timeval(tv_sec: when, tv_usec: 0)]
        #expect(utimes(path, &times) == 0)
    }

    @Test func threeFilesWhoseNamesDifferOnlyInInvalidBytesGiveThreeFindings() throws {
        let d = try TempDir()
        let text = "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n"
        try write(d, [0xFF], text, daysAgo: 3)
        try write(d, [0xFE], text, daysAgo: 30)
        try write(d, [0xC3], text, daysAgo: 300)   // a lead byte without its continuation
        var o = ScanOptions(roots: [d.path])
        o.useGit = false
        let report = try Scanner(rules: builtin).scan(o)
        #expect(report.findings.count == 3)
        let files = report.findings.map(\.file)
        #expect(Set(files) == [d.path + "/key-\\xFF.env", d.path + "/key-\\xFE.env", d.path + "/key-\\xC3.env"])
        #expect(Set(report.findings.map(\.fingerprint)).count == 3)
        // Each file keeps its own modification time.
        let days = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.file, $0.age?.days) })
        #expect(days[d.path + "/key-\\xFF.env"] == 3)
        #expect(days[d.path + "/key-\\xFE.env"] == 30)
        #expect(days[d.path + "/key-\\xC3.env"] == 300)
        // JSON stays valid UTF-8 with three paths; text output shows the same escapes.
        let json = JSONReporter().renderAll(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let jsonFiles = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect(Set(jsonFiles) == Set(files))
        #expect(displayPath(d.path + "/key-\\xFF.env") == d.path + "/key-\\xFF.env")
    }
}

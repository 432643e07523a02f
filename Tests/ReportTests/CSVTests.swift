import Testing
@testable import Report

/// Splits RFC 4180 CSV into rows of fields (quoted fields, doubled quotes, CRLF).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var it = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    while let u = pending ?? it.next() {
        pending = nil
        if quoted {
            if u == "\"" {
                if let n = it.next() {
                    if n == "\"" { field += "\"" } else { quoted = false; pending = n }
                } else { quoted = false }
            } else { field.unicodeScalars.append(u) }
        } else if u == "\"" && field.isEmpty {
            quoted = true
        } else if u == "," {
            row.append(field); field = ""
        } else if u == "\r" {
            continue
        } else if u == "\n" {
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.unicodeScalars.append(u)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Suite struct CSVTests {
    @Test func headerAndRows() {
        let csv = CSVReporter().render(Fixture.report)
        #expect(csv.hasPrefix("file,line,column,rule,provider,category,secret,fingerprint,risk_score,risk_level,"
            + "blast_radius,lifetime,age_days,introduced,commit,author,email,owner_team,suppressed\r\n"))
        let rows = parseCSV(csv)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == CSVReporter.columns.count })
        let openAI = rows.first { $0[3] == "openai-project-key" }!
        #expect(openAI == ["services/app/.env", "3", "16", "openai-project-key", "OpenAI", "ai", "sk-proj-…",
                           Fixture.openAI.fingerprint, "92", "critical", "high", "long-lived", "59",
                           "2026-10-01T09:30:00Z", "2222222222222222222222222222222222222222", "Ada Lovelace",
                           "ada@example.com", "'@acme/ml-platform @acme/security", ""])
        #expect(rows.first { $0[3] == "huggingface-token" }!.last == "baseline")
        // CODEOWNERS teams start with `@`: defused like any other field.
        #expect(rows.first { $0[3] == "aws-access-key-id" }![0] == "deploy/My Config, \"prod\" | A&B/=cmd.tf")
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSVReporter.field("plain") == "plain")
        #expect(CSVReporter.field("a,b") == "\"a,b\"")
        #expect(CSVReporter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReporter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVReporter.field("crlf\r\nend") == "\"crlf\r\nend\"")
        #expect(CSVReporter.field("") == "")
        // A path with every special character survives a round trip (its line break escaped:
        // control characters in file names never reach the output raw).
        let path = "dir/a, \"b\"\r\nc.txt"
        let rows = parseCSV(CSVReporter().render(ScanReport(findings: [Fixture.with(file: path)], summary: ScanSummary())))
        #expect(rows[1][0] == "dir/a, \"b\"\\x0D\\x0Ac.txt")
    }

    @Test func formulaInjectionIsDefused() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let value = start + "HYPERLINK(\"http://evil.example\",\"x\")"
            let out = CSVReporter.field(value)
            let unquoted = out.hasPrefix("\"") ? String(out.dropFirst()) : out
            #expect(unquoted.hasPrefix("'" + start), "\(value.debugDescription) → \(out.debugDescription)")
        }
        #expect(CSVReporter.field("=1+2") == "'=1+2")
        #expect(CSVReporter.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVReporter.field("=a,b") == "\"'=a,b\"")
        #expect(CSVReporter.field("a=b") == "a=b")
        let f = Fixture.with(file: "=cmd|' /C calc'!A0", secret: "-2+3")
        let rows = parseCSV(CSVReporter().render(ScanReport(findings: [f], summary: ScanSummary())))
        #expect(rows[1][0] == "'=cmd|' /C calc'!A0")
        #expect(rows[1][6] == "'-2+3")
    }
}

@Suite struct HostileFileNameTests {
    /// A file name with ESC and a newline reached text and CSV output raw: it could rewrite the
    /// terminal or split a CSV row.
    @Test func controlCharactersInFileNamesAreEscapedInTextCSVAndMarkdown() {
        var f = Fixture.openAI
        f.file = "evil\u{1B}[2Jname\nsecond\tline.env"
        let report = ScanReport(findings: [f], summary: Fixture.report.summary)
        for text in [TextReporter().render(report), CSVReporter().render(report)] {
            #expect(!text.contains("\u{1B}"))
            #expect(text.contains("evil\\x1B[2Jname\\x0Asecond\\x09line.env"))
        }
        let markdown = MarkdownReporter().render(report)
        #expect(!markdown.contains("\u{1B}") && !markdown.contains("name\nsecond"))
        #expect(JSONReporter().render(report).contains("evil\\u001b[2Jname\\nsecond\\tline.env"))
    }
}

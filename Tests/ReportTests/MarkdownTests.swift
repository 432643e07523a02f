import Testing
@testable import Report

@Suite struct MarkdownTests {
    @Test func totalsAndTable() {
        let md = MarkdownReporter().render(Fixture.report)
        #expect(md.hasPrefix("## leakscope: 2 secrets found\n"))
        #expect(md.contains("1 suppressed finding not listed (1 baseline)"))
        #expect(md.contains("| critical | 1 |"))
        #expect(md.contains("| medium | 1 |"))
        #expect(!md.contains("| low | "))  // the only low finding is suppressed
        #expect(!md.contains("Hugging Face"))
        #expect(!md.contains("notebooks/train.ipynb"))
        // Highest risk first.
        let openAI = md.range(of: "OpenAI project API key")!, aws = md.range(of: "AWS access key ID")!
        #expect(openAI.lowerBound < aws.lowerBound)
        #expect(md.contains("| 92 critical | OpenAI project API key | services/app/.env:3 | @acme/ml-platform @acme/security | 59 |"))
        #expect(!md.contains("sk-proj"))
    }

    @Test func cellsEscapePipesBackticksAndLineBreaks() {
        #expect(MarkdownReporter.cell("a|b") == "a\\|b")
        #expect(MarkdownReporter.cell("`code`") == "\\`code\\`")
        #expect(MarkdownReporter.cell("two\nlines\r\nhere") == "two lines  here")
        #expect(MarkdownReporter.cell("<img src=x>") == "\\<img src=x\\>")
        let f = Fixture.with(file: "a|b`c`\n| x | y |", ruleName: "rule | with `ticks`")
        let md = MarkdownReporter().render(ScanReport(findings: [f], summary: ScanSummary()))
        let row = md.split(separator: "\n").first { $0.contains("rule") && $0.hasPrefix("| 92") }!
        // Exactly the six unescaped pipes of a five-column row.
        var pipes = 0, escaped = false
        for ch in row { if ch == "|" && !escaped { pipes += 1 }; escaped = ch == "\\" && !escaped }
        #expect(pipes == 6, "\(row)")
    }

    @Test func atMostFiftyRowsThenAndNMore() {
        let findings = (0..<57).map { i in
            var f = Fixture.openAI
            f.file = "f\(i).env"
            f.risk.score = i
            return f
        }
        let md = MarkdownReporter().render(ScanReport(findings: findings, summary: ScanSummary()))
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(".env:") }
        #expect(rows.count == 50)
        #expect(rows.first?.hasPrefix("| 56 ") == true)
        #expect(md.contains("and 7 more findings"))
    }

    @Test func cleanScan() {
        let md = MarkdownReporter().render(Fixture.clean)
        #expect(md.hasPrefix("## leakscope: no secrets found\n"))
        #expect(!md.contains("|"))
    }
}

import Foundation
import Vocabulary
@testable import Report

/// A fixed report with every field set: what the golden files render.
enum Fixture {
    static let openAI = Finding(
        rule: "openai-project-key", ruleName: "OpenAI project API key", provider: "OpenAI", category: .ai,
        file: "services/app/.env", line: 3, column: 16, secret: "sk-proj-…", secretLength: 164, redacted: true,
        fingerprint: "4f0c1d0a9e5b7c2d3e4f5a6b7c8d9e0f", entropy: 5.41234,
        context: "OPENAI_API_KEY=sk-proj-…",
        blastRadius: BlastRadiusInfo(
            level: .high, lifetime: .longLived, capabilities: [.modelInference, .spend],
            reasons: ["Runs paid model inference on the owner's bill and reads the project's files and fine-tunes."]),
        tags: ["llmjacking"],
        age: Age(introduced: "2026-10-01T09:30:00Z", days: 59, commit: "1111111111111111111111111111111111111111",
                 source: .git),
        owner: Owner(team: ["@acme/ml-platform", "@acme/security"], author: "Ada Lovelace", email: "ada@example.com"),
        risk: Risk(score: 92, level: .critical),
        commit: Commit(sha: "2222222222222222222222222222222222222222", author: "Ada Lovelace",
                           email: "ada@example.com", date: "2026-10-01T09:30:00Z"),
        presentAtHead: true, suppression: nil, decoded: nil)

    /// Awkward on purpose: a space, a comma, a pipe, a quote, an ampersand and a formula start in
    /// the path and the context.
    static let aws = Finding(
        rule: "aws-access-key-id", ruleName: "AWS access key ID", provider: "AWS", category: .cloud,
        file: "deploy/My Config, \"prod\" | A&B/=cmd.tf", line: 12, column: 5, secret: "AKIA…", secretLength: 20,
        redacted: true, fingerprint: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", entropy: 3.684,
        context: "  <key>=\"AKIA…\" `x` | y & z",
        blastRadius: BlastRadiusInfo(
            level: .critical, lifetime: .longLived, capabilities: [.cloudAdmin],
            reasons: ["Acts as the IAM user in the AWS account: whatever its policies allow."]),
        tags: ["cloud", "iam"],
        age: Age(introduced: "2025-11-29T00:00:00Z", days: 365, commit: nil, source: .mtime),
        owner: Owner(team: nil, author: "Bob <ops>", email: "bob@example.com"),
        risk: Risk(score: 57, level: .medium),
        commit: nil, presentAtHead: nil, suppression: nil, decoded: "base64")

    /// Suppressed by the baseline: emitted in SARIF (with `suppressions`), skipped in JUnit.
    static let huggingFace = Finding(
        rule: "huggingface-token", ruleName: "Hugging Face access token", provider: "Hugging Face", category: .ai,
        file: "notebooks/train.ipynb", line: 40, column: 22, secret: "hf_abcde…", secretLength: 37, redacted: true,
        fingerprint: "ffeeddccbbaa99887766554433221100", entropy: 4.5,
        context: "\"token\": \"hf_abcde…\"",
        blastRadius: BlastRadiusInfo(
            level: .medium, lifetime: .longLived, capabilities: [.modelRead, .modelWrite],
            reasons: ["Reads and pushes models and datasets of the owner's account."]),
        tags: ["llmjacking"],
        age: Age(introduced: "2026-11-20T12:00:00Z", days: 9, commit: "3333333333333333333333333333333333333333",
                 source: .git),
        owner: Owner(team: ["@acme/research"], author: "Grace Hopper", email: "grace@example.com"),
        risk: Risk(score: 31, level: .low),
        commit: Commit(sha: "3333333333333333333333333333333333333333", author: "Grace Hopper",
                           email: "grace@example.com", date: "2026-11-20T12:00:00Z"),
        presentAtHead: false,
        suppression: Suppression(kind: .baseline, justification: "in baseline .leakscope-baseline.json"))

    static var report: ScanReport {
        let findings = [openAI, aws, huggingFace].sorted(by: Finding.reportOrder)
        return ScanReport(findings: findings, summary: ScanSummary(
            filesScanned: 1204, bytesScanned: 18_234_011, filesSkipped: ["binary": 12, "ignored": 340],
            seconds: 0.084, rulesLoaded: 120, findings: findings.count, complete: true, warnings: []))
    }

    static var clean: ScanReport {
        ScanReport(findings: [], summary: ScanSummary(filesScanned: 3, bytesScanned: 2048, seconds: 0.01, rulesLoaded: 120))
    }

    /// A finding shaped like `base` with other texts (escaping tests).
    static func with(file: String? = nil, context: String? = nil, ruleName: String? = nil, secret: String? = nil,
                     suppression: Suppression? = nil, from base: Finding = openAI) -> Finding {
        var f = base
        if let file { f.file = file }
        if let context { f.context = context }
        if let ruleName { f.ruleName = ruleName }
        if let secret { f.secret = secret }
        if let suppression { f.suppression = suppression }
        return f
    }
}

/// Where the test files live: golden files and the repository root, from `#filePath`.
enum Paths {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let goldenDir = testsDir.appendingPathComponent("Golden")
    /// `Tests/ReportTests/` → the repository root.
    static let repoRoot = testsDir.deletingLastPathComponent().deletingLastPathComponent()

    /// The vendored schemas (SARIF 2.1.0), read through #filePath like the golden files.
    static let schemasDir = testsDir.appendingPathComponent("Schemas")
}

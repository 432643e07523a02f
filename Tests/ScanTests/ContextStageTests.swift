import Foundation
import Testing
import TestSupport
import Vocabulary
@testable import Scan

/// Names on another line (ContextStage): each shape puts the name away from the value, and the
/// provider's context rule still finds the value, at the value's own line and column.
@Suite struct ContextStageTests {
    static let alnum = Array("ABCDEFGHJKLMNPQRSTUVWYZabcdefghijkmnopqrstuvwyz23456789")
    static func mistral() -> String { FakeKeys.random(32, from: alnum) }
    static func cohere() -> String { FakeKeys.random(40, from: alnum) }

    func findings(_ text: String, _ name: String) -> [(rule: String, line: Int, column: Int, secret: String)] {
        Scanner(rules: builtin).scan(bytes: Array(text.utf8), name: name, showSecrets: true)
            .map { ($0.rule, $0.line, $0.column, $0.secret) }
    }

    /// Which files the stage reads: config formats and names without an extension, by the
    /// last component's extension, any case; source code and a dot inside a folder name do not count.
    @Test func appliesToConfigFormatsByTheNamesExtension() {
        for path in ["deploy/api.yaml", "a/B.YML", ".env", "Dockerfile", "x/.env", "conf/app.Properties", "notebook.ipynb", "run.sh"] {
            #expect(ContextStage.applies(to: path), "\(path)")
        }
        for path in ["src/main.swift", "lib/app.py", "v1.2/server.go", "a.yaml/b.rs", "x.verylongextension", "docs/readme.md"] {
            #expect(!ContextStage.applies(to: path), "\(path)")
        }
    }

    @Test func kubernetesEnvListNameThenValue() {
        let key = Self.mistral()
        let text = """
            containers:
              - name: api
                env:
                  - name: MISTRAL_API_KEY
                    value: "\(key)"
                  - name: LOG_LEVEL
                    value: debug
            """
        let f = findings(text, "deploy/api.yaml")
        #expect(f.count == 1)
        #expect(f.first?.rule == "mistral-api-key")
        #expect(f.first?.line == 5)
        #expect(f.first?.column == 17)
        #expect(f.first?.secret == key)
    }

    @Test func jsonNameValueObjectsAndSiblings() {
        let a = Self.mistral(), b = Self.cohere()
        let text = """
            {"containerDefinitions": [{"environment": [
              {"name": "MISTRAL_API_KEY", "value": "\(a)"}
            ]}],
             "providers": [
              {
                "name": "cohere",
                "model": "command-r",
                "key": "\(b)"
              }
            ]}
            """
        let f = findings(text, "task.json")
        #expect(f.map(\.rule).sorted() == ["cohere-api-key", "mistral-api-key"], "\(f)")
        #expect(f.first { $0.rule == "cohere-api-key" }?.line == 8)
    }

    @Test func plistKeyThenStringAndIniSectionAndYamlParent() {
        let a = Self.mistral(), b = Self.cohere(), c = Self.mistral()
        let plist = "<dict>\n  <key>MistralAPIKey</key>\n  <string>\(a)</string>\n</dict>\n"
        #expect(findings(plist, "Info.plist").map(\.rule) == ["mistral-api-key"])
        let ini = "[cohere]\nmodel = command-r\napi_key = \(b)\n"
        #expect(findings(ini, "providers.ini").map { "\($0.rule):\($0.line)" } == ["cohere-api-key:3"])
        let yaml = "llm:\n  mistral:\n    model: mistral-large\n    api_key: \"\(c)\"\n"
        #expect(findings(yaml, "config.yaml").map { "\($0.rule):\($0.line)" } == ["mistral-api-key:4"])
    }

    @Test func nothingWithoutANameOrWithAReferenceOrTooFar() {
        // A key named only `api_key`, with nothing above that says whose: no provider rule.
        #expect(findings("api_key = \(Self.mistral())\n", "a.ini").allSatisfy { $0.rule.hasPrefix("generic") })
        // References and placeholders stay references.
        #expect(findings("[mistral]\napi_key = ${MISTRAL_API_KEY}\n", "a.ini").isEmpty)
        #expect(findings("- name: MISTRAL_API_KEY\n  valueFrom:\n    secretKeyRef: {name: m, key: k}\n", "d.yaml").isEmpty)
        // A section header further than 40 lines above names something else.
        let far = "[mistral]\n" + String(repeating: "x = 1\n", count: 45) + "api_key = \(Self.mistral())\n"
        #expect(!findings(far, "a.ini").contains { $0.rule == "mistral-api-key" })
    }

    @Test func continuedShellLinesAreOneLine() {
        let key = Self.cohere()
        let text = "docker run \\\n  -e COHERE_API_KEY=\\\n\(key) \\\n  img\n"
        let f = findings(text, "run.sh")
        #expect(f.contains { $0.rule == "cohere-api-key" && $0.line == 3 && $0.column == 1 }, "\(f)")
    }

    @Test func aPlainFindingIsNotReportedTwice() {
        let key = Self.mistral()
        let text = "- name: MISTRAL_API_KEY\n  value: \(key)  # MISTRAL_API_KEY=\(key)\n"
        let f = findings(text, "d.yaml").filter { $0.rule == "mistral-api-key" }
        #expect(Set(f.map(\.column)).count == f.count, "one finding a place: \(f)")
    }
}

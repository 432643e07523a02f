import Testing
@testable import Triage

@Suite struct PathContextTests {
    @Test(arguments: [
        "deploy/prod/app.yaml", "services/api/.env", "config/production/db.yml", ".github/workflows/release.yml",
        ".gitlab-ci.yml", "charts/api/values.yaml", "charts/api/values-prod.yaml", "infra/main.tf", "env/prod.tfvars",
        "k8s/secret.yaml", "ops/kubernetes/secrets.yml", "src/main/resources/application-prod.properties", ".env.production",
    ])
    func productionPathsRaise(path: String) {
        let r = PathContext.assess(path: path)
        #expect(r.adjustment == 1, "\(path): \(r.reasons)")
        #expect(!r.reasons.isEmpty)
    }

    @Test(arguments: [
        "tests/test_client.py", "spec/models/user_spec.rb", "src/__tests__/api.js", "pkg/fixtures/keys.json",
        "internal/testdata/token.txt", "examples/quickstart.py", "docs/setup.md", "vendor/lib/x.go",
        "web/node_modules/pkg/index.js", "third_party/sdk/config.h", ".env.example", "config.sample",
        "pkg/auth/auth_test.go", "payments/.env.test", "scripts/test_upload.py", "web/src/api.test.ts", "gcp/service-account.template.json",
    ])
    func testAndExamplePathsLower(path: String) {
        let r = PathContext.assess(path: path)
        #expect(r.adjustment == -1, "\(path): \(r.reasons)")
    }

    @Test(arguments: ["latest/config.yml", "product/settings.py", "contest/app.py", "src/attestation.go",
                      "testing_notes/readme.txt", "src/app.py", "prodigy/x.yml", "docsite/index.html"])
    func substringsDoNotCount(path: String) {
        #expect(PathContext.assess(path: path).adjustment == 0, "\(path)")
    }

    @Test func reasonsNameTheSignal() {
        let r = PathContext.assess(path: "tests/fixtures/creds.json")
        #expect(r.reasons.contains("path looks like test fixtures (tests/)"))
        #expect(r.reasons.contains("path looks like test fixtures (fixtures/)"))
        #expect(r.adjustment == -1)   // several signals of one kind: still one step
    }

    @Test func mixedSignalsCancel() {
        let r = PathContext.assess(path: "deploy/tests/.env")
        #expect(r.adjustment == 0)
        #expect(r.reasons.count >= 2)
    }

    @Test func emptyAndDotPaths() {
        #expect(PathContext.assess(path: "").adjustment == 0)
        #expect(PathContext.assess(path: "./prod/x").adjustment == 1)
    }
}

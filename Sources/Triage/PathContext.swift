/// Where a secret sits says how likely it is live: production and CI configuration raise its level,
/// tests, examples, docs and vendored code lower it. Path components are compared whole, never as
/// substrings (`latest/` is not `test`, `product/` is not `prod`).
public enum PathContext {
    /// Folder names of test material, fixtures, examples, docs and third-party code.
    static let lowFolders: [String: String] = {
        var map: [String: String] = [:]
        for name in ["test", "tests", "testing", "spec", "specs", "__tests__", "__mocks__", "mocks", "fixtures", "fixture", "testdata"] {
            map[name] = "path looks like test fixtures"
        }
        for name in ["examples", "example", "samples", "sample"] { map[name] = "path looks like example code" }
        for name in ["docs", "doc"] { map[name] = "path looks like documentation" }
        for name in ["vendor", "node_modules", "third_party", "third-party"] { map[name] = "path is vendored third-party code" }
        return map
    }()

    /// Folder names of deployment and infrastructure configuration.
    static let highFolders: Set<String> = ["deploy", "deployment", "deployments", "infra", "infrastructure", "k8s", "kubernetes", "helm"]

    /// Words (a name split at `.`, `-`, `_`) that name the production environment.
    static let productionWords: Set<String> = ["prod", "production", "prd"]

    /// File names of CI pipelines, which run with the repository's secrets.
    static let ciFiles: Set<String> = [".gitlab-ci.yml", "jenkinsfile", "bitbucket-pipelines.yml", "azure-pipelines.yml", ".travis.yml"]

    /// Dot-separated name parts that mark a template or example copy (`.env.example`, `config.sample.yml`).
    static let templateParts: Set<String> = ["example", "sample", "template", "dist", "tmpl"]

    /// +1, -1 or 0 for `path`, with one reason per signal found. Production and test signals that
    /// both appear cancel out; several signals of one kind still move the level one step.
    public static func assess(path: String) -> (adjustment: Int, reasons: [String]) {
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map { $0.lowercased() }
            .filter { $0 != "." && !$0.isEmpty }
        guard let file = components.last else { return (0, []) }
        let folders = components.dropLast()
        var up: [String] = []
        var down: [String] = []

        for folder in folders {
            if let reason = lowFolders[folder] { down.append("\(reason) (\(folder)/)") }
            if highFolders.contains(folder) { up.append("path looks like deployment configuration (\(folder)/)") }
            if !words(folder).isDisjoint(with: productionWords) { up.append("path names the production environment (\(folder)/)") }
        }
        if let i = folders.firstIndex(of: ".github"), folders.index(after: i) < folders.endIndex,
           folders[folders.index(after: i)] == "workflows" || folders[folders.index(after: i)] == "actions" {
            up.append("GitHub Actions file: runs in CI next to the repository's secrets")
        }
        if folders.contains(".circleci") { up.append("CircleCI configuration: runs in CI next to the project's secrets") }

        let dotParts = file.split(separator: ".").map(String.init)
        let isTemplate = dotParts.dropFirst().contains(where: templateParts.contains)
        if isTemplate { down.append("file is a template or example copy (\(file))") }
        if file.hasSuffix("_test.go") || file.hasSuffix("_test.py") || (file.hasPrefix("test_") && file.hasSuffix(".py"))
            || dotParts.dropFirst().contains(where: { $0 == "test" || $0 == "spec" }) && dotParts.count >= 3 {
            down.append("file is a test (\(file))")
        }
        if file == ".env.test" || file == ".env.testing" { down.append("file is test configuration (\(file))") }
        if !isTemplate {
            if file == ".env" || (file.hasPrefix(".env.") && !["test", "testing"].contains(String(file.dropFirst(5)))) {
                up.append("a .env file: runtime configuration loaded by the application")
            }
            if ciFiles.contains(file) { up.append("CI pipeline file: runs with the project's secrets") }
            if (file.hasPrefix("values") && (file.hasSuffix(".yaml") || file.hasSuffix(".yml"))) {
                up.append("Helm values file: deployed configuration")
            }
            if file.hasSuffix(".tf") || file.hasSuffix(".tfvars") || file.hasSuffix(".tfvars.json") || file.hasSuffix(".tfstate") {
                up.append("Terraform file: infrastructure configuration")
            }
            let stem = dotParts.count > 1 ? dotParts.dropLast().joined(separator: ".") : file
            if !words(stem).isDisjoint(with: productionWords) { up.append("file names the production environment (\(file))") }
        }
        let adjustment = (up.isEmpty ? 0 : 1) - (down.isEmpty ? 0 : 1)
        return (adjustment, up + down)
    }

    /// A name's words, split at `.`, `-` and `_`.
    static func words(_ name: String) -> Set<String> {
        Set(name.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map(String.init))
    }
}

import Foundation
import Testing
import TestSupport

/// strace, when installed and allowed to trace here.
enum Strace {
    static let path = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var works: Bool {
        guard let path else { return false }
        return (try? Program.run(path, ["-f", "-qq", "-o", "/dev/null", "/bin/true"], environment: [:]).status) == 0
    }
}

/// leakscope never opens a network connection: every mode that runs git or writes a report is
/// traced with strace, and each address a socket is connected or sent to must be local.
/// (Foundation wakes its run loop through UDP sockets on 127.0.0.1, and the C library asks nscd
/// over a Unix socket for user names: both are local.)
@Suite(.enabled(if: Strace.works, "needs strace able to trace (scripts/test.sh installs it)"))
struct NoNetworkTests {

    /// The calls that reach an address, one a line, from a strace log.
    static func addressedCalls(_ log: String) -> [Substring] {
        log.split(separator: "\n").filter { line in
            ["connect(", "sendto(", "sendmsg(", "sendmmsg("].contains { line.contains($0) } && line.contains("sa_family=")
        }
    }

    /// Whether a traced call's address is on this machine: loopback IPv4/IPv6, or a Unix socket
    /// that is not a name resolver's.
    static func isLocal(_ call: Substring) -> Bool {
        if call.contains("sa_family=AF_UNIX") { return !call.contains("resolve") }
        if call.contains("sa_family=AF_INET6") { return call.contains("inet_pton(AF_INET6, \"::1\"") }
        if call.contains("sa_family=AF_INET") { return call.contains("inet_addr(\"127.") }
        return false
    }

    @Test func theTraceCheckRejectsRemoteAddresses() {
        let log = """
        12 connect(19, {sa_family=AF_INET, sin_port=htons(44974), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
        12 connect(6, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT
        13 connect(7, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("140.82.112.3")}, 16) = -1 EINPROGRESS
        13 sendto(8, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(53), inet_pton(AF_INET6, "2001:db8::1", &sin6_addr)}, 28) = 1
        13 connect(9, {sa_family=AF_UNIX, sun_path="/run/systemd/resolve/io.systemd.Resolve"}, 110) = 0
        13 sendto(19, "r", 1, 0, NULL, 0) = 1
        """
        let calls = Self.addressedCalls(log)
        #expect(calls.count == 5)
        #expect(calls.filter { !Self.isLocal($0) }.count == 3)
    }

    @Test func everyModeStaysOffTheNetwork() throws {
        let repo = try GitRepo()
        try repo.commit([".github/CODEOWNERS": "* @org/platform\n", "deploy/.env": "AWS_ACCESS_KEY_ID=\(Keys.akia())\n"])
        try repo.commit(["deploy/.env": "# rotated\n", "app/settings.py": "OPENAI_API_KEY = \"\(FakeKeys.openAIProjectKey())\"\n"],
                        date: "2024-06-01T12:00:00Z")
        try repo.write("app/new.env", "HF_TOKEN=\(FakeKeys.huggingFaceToken())\n")
        try repo.git("add", "app/new.env")
        let report = repo.home + "/report"
        let runs: [[String]] = [
            ["scan", ".", "--format", "json"],                         // blame and CODEOWNERS
            ["scan", "--history", ".", "--format", "sarif", "--output", report + ".sarif"],
            ["scan", "--staged", "--format", "html", "--output", report + ".html"],
            ["scan", "--since", "HEAD~1", "--format", "markdown"],
        ]
        for arguments in runs {
            let log = repo.home + "/strace.log"
            let r = try Program.run(Strace.path!, ["-f", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg,execve", "-o", log,
                                                 CLI.binary.path] + arguments, cwd: repo.path, environment: repo.environment())
            #expect(r.status == 1, "\(arguments): \(r.stderr)")
            let trace = try String(contentsOfFile: log, encoding: .utf8)
            // The trace did follow the program and the git processes it started.
            #expect(trace.contains("execve(\"\(CLI.binary.path)\""))
            #expect(trace.contains("git"), "\(arguments): no git process traced")
            let remote = Self.addressedCalls(trace).filter { !Self.isLocal($0) }
            #expect(remote.isEmpty, "\(arguments) reached out: \(remote)")
        }
    }
}

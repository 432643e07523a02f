/// Parses `git blame --porcelain`: a header `<sha> <orig> <final> [<count>]` per line, commit
/// fields the first time a commit appears, then the line's content after a tab.
enum BlamePorcelain {
    /// Final line number → blame, for every line in `output`.
    static func parse(_ output: [UInt8]) -> [Int: BlameInfo] {
        var result: [Int: BlameInfo] = [:]
        var commits: [String: [String: String]] = [:]   // fields seen per commit
        var sha: String? = nil
        var finalLine = 0
        for rawLine in output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if rawLine.first == UInt8(ascii: "\t") {   // content: the entry is complete
                if let sha { result[finalLine] = info(sha: sha, fields: commits[sha] ?? [:]) }
                sha = nil
                continue
            }
            let line = String(decoding: rawLine, as: UTF8.self)
            if sha == nil {
                let parts = line.split(separator: " ")
                guard parts.count >= 3, parts[0].utf8.count >= 40, parts[0].allSatisfy(\.isHexDigit),
                      let final = Int(parts[2]) else { continue }
                sha = String(parts[0])
                finalLine = final
                if commits[String(parts[0])] == nil { commits[String(parts[0])] = [:] }
                continue
            }
            guard let sha else { continue }
            if let space = line.firstIndex(of: " ") {
                commits[sha]?[String(line[..<space])] = String(line[line.index(after: space)...])
            } else {
                commits[sha]?[line] = ""
            }
        }
        return result
    }

    /// The blame record from a commit's porcelain fields.
    static func info(sha: String, fields: [String: String]) -> BlameInfo {
        let committed = !sha.allSatisfy { $0 == "0" }
        var email = fields["author-mail"] ?? ""
        if email.hasPrefix("<") && email.hasSuffix(">") && email.count >= 2 { email = String(email.dropFirst().dropLast()) }
        let time = Int64(fields["author-time"] ?? "") ?? 0
        let offset = fields["author-tz"].flatMap(ISODate.offsetSeconds(gitTimeZone:)) ?? 0
        var info = BlameInfo(commit: sha, author: fields["author"] ?? "", email: email, authorTime: time,
                             date: ISODate.format(epoch: time, offsetSeconds: offset), committed: committed)
        if let previous = fields["previous"], let space = previous.firstIndex(of: " ") {
            info.previous = previous[..<space] + ":" + previous[previous.index(after: space)...]
        }
        return info
    }
}

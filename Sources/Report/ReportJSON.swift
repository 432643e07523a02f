/// The JSON contract written by hand with `PrettyJSON`: every key, unknown values as `null`,
/// keys in sorted order (what `JSONEncoder` with `.sortedKeys` writes; a test compares them).
extension ScanReport {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("findings")
            json.array { json in
                for f in findings { json.element(); f.write(&json) }
            }
            json.key("summary"); summary.write(&json)
        }
    }
}

extension Finding {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("age")
            if let age {
                json.object { json in
                    json.key("commit"); json.string(age.commit)
                    json.key("days"); json.int(age.days)
                    json.key("introduced"); json.string(age.introduced)
                    json.key("source"); json.string(age.source)
                }
            } else { json.null() }
            json.key("blastRadius")
            json.object { json in
                json.key("capabilities"); json.strings(blastRadius.capabilities)
                json.key("level"); json.string(blastRadius.level)
                json.key("lifetime"); json.string(blastRadius.lifetime)
                json.key("reasons"); json.strings(blastRadius.reasons)
            }
            json.key("category"); json.string(category)
            json.key("column"); json.int(column)
            json.key("commit")
            if let commit {
                json.object { json in
                    json.key("author"); json.string(commit.author)
                    json.key("date"); json.string(commit.date)
                    json.key("email"); json.string(commit.email)
                    json.key("sha"); json.string(commit.sha)
                }
            } else { json.null() }
            json.key("context"); json.string(context)
            json.key("decoded"); json.string(decoded)
            json.key("entropy"); json.double(entropy)
            json.key("file"); json.string(file)
            json.key("fingerprint"); json.string(fingerprint)
            json.key("line"); json.int(line)
            json.key("owner")
            if let owner {
                json.object { json in
                    json.key("author"); json.string(owner.author)
                    json.key("email"); json.string(owner.email)
                    json.key("team"); json.strings(owner.team)
                }
            } else { json.null() }
            json.key("presentAtHead"); json.bool(presentAtHead)
            json.key("provider"); json.string(provider)
            json.key("redacted"); json.bool(redacted)
            json.key("risk")
            json.object { json in
                json.key("level"); json.string(risk.level)
                json.key("score"); json.int(risk.score)
            }
            json.key("rule"); json.string(rule)
            json.key("ruleName"); json.string(ruleName)
            json.key("secret"); json.string(secret)
            json.key("secretLength"); json.int(secretLength)
            json.key("suppression")
            if let suppression {
                json.object { json in
                    json.key("justification"); json.string(suppression.justification)
                    json.key("kind"); json.string(suppression.kind)
                }
            } else { json.null() }
            json.key("tags"); json.strings(tags)
        }
    }
}

extension ScanSummary {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("bytesScanned"); json.int(bytesScanned)
            json.key("complete"); json.bool(complete)
            json.key("filesScanned"); json.int(filesScanned)
            json.key("filesSkipped")
            json.object { json in
                for (reason, count) in filesSkipped.sorted(by: { $0.key < $1.key }) { json.key(reason); json.int(count) }
            }
            json.key("findings"); json.int(findings)
            json.key("rulesLoaded"); json.int(rulesLoaded)
            json.key("seconds"); json.double(seconds)
            json.key("suppressed"); json.int(suppressed)
            json.key("triageSeconds"); json.double(triageSeconds)
            json.key("warnings"); json.strings(warnings)
        }
    }
}

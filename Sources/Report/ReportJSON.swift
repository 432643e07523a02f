import Vocabulary

/// The JSON contract written by hand with `PrettyJSON`: every key, unknown values as `null`,
/// keys in sorted order (what `JSONEncoder` with `.sortedKeys` writes; a test compares them).
protocol PrettyJSONWritable {
    func write(_ json: inout PrettyJSON)
}

extension PrettyJSON {
    /// `value` as an object, or `null`.
    mutating func value(_ value: (some PrettyJSONWritable)?) {
        guard let value else { return null() }
        value.write(&self)
    }
}

extension ScanReport: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("findings")
            json.array { json in
                for f in findings { json.element(); f.write(&json) }
            }
            json.key("summary"); json.value(summary)
        }
    }
}

extension Finding: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("age"); json.value(age)
            json.key("blastRadius"); json.value(blastRadius)
            json.key("category"); json.string(category.rawValue)
            json.key("column"); json.int(column)
            json.key("commit"); json.value(commit)
            if let components, !components.isEmpty {
                json.key("components")
                json.array { json in for c in components { json.element(); c.write(&json) } }
            }
            json.key("context"); json.string(context)
            json.key("decoded"); json.string(decoded)
            json.key("entropy"); json.double(entropy)
            json.key("file"); json.string(file)
            json.key("fingerprint"); json.string(fingerprint)
            json.key("line"); json.int(line)
            json.key("owner"); json.value(owner)
            json.key("presentAtHead"); json.bool(presentAtHead)
            json.key("provider"); json.string(provider)
            json.key("redacted"); json.bool(redacted)
            json.key("risk"); json.value(risk)
            json.key("rule"); json.string(rule)
            json.key("ruleName"); json.string(ruleName)
            json.key("secret"); json.string(secret)
            json.key("secretLength"); json.int(secretLength)
            json.key("suppression"); json.value(suppression)
            json.key("tags"); json.strings(tags)
        }
    }
}

extension Age: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("commit"); json.string(commit)
            json.key("days"); json.int(days)
            json.key("introduced"); json.string(introduced)
            if let lastTouched {
                json.key("lastTouched")
                json.object { json in
                    json.key("author"); json.string(lastTouched.author)
                    json.key("commit"); json.string(lastTouched.commit)
                    json.key("date"); json.string(lastTouched.date)
                    json.key("days"); json.int(lastTouched.days)
                    json.key("email"); json.string(lastTouched.email)
                }
            }
            json.key("source"); json.string(source.rawValue)
        }
    }
}

extension Component: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("column"); json.int(column)
            json.key("fingerprint"); json.string(fingerprint)
            json.key("line"); json.int(line)
            json.key("role"); json.string(role)
            json.key("rule"); json.string(rule)
            json.key("secret"); json.string(secret)
        }
    }
}

extension BlastRadiusInfo: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("capabilities"); json.strings(capabilities.map(\.rawValue))
            if let details {
                json.key("details")
                json.object { json in
                    for (k, v) in details.sorted(by: { $0.key < $1.key }) { json.key(k); json.string(v) }
                }
            }
            json.key("level"); json.string(level.rawValue)
            json.key("lifetime"); json.string(lifetime.rawValue)
            json.key("reasons"); json.strings(reasons)
        }
    }
}

extension Commit: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("author"); json.string(author)
            json.key("date"); json.string(date)
            json.key("email"); json.string(email)
            json.key("sha"); json.string(sha)
        }
    }
}

extension Owner: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("author"); json.string(author)
            json.key("email"); json.string(email)
            json.key("team"); json.strings(team)
            if let unowned { json.key("unowned"); json.bool(unowned) }
        }
    }
}

extension Risk: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            if let factors {
                json.key("factors")
                json.array { json in
                    for factor in factors {
                        json.element()
                        json.object { json in
                            json.key("points"); json.int(factor.points)
                            json.key("reason"); json.string(factor.reason)
                        }
                    }
                }
            }
            json.key("level"); json.string(level.rawValue)
            json.key("score"); json.int(score)
        }
    }
}

extension Suppression: PrettyJSONWritable {
    func write(_ json: inout PrettyJSON) {
        json.object { json in
            json.key("justification"); json.string(justification)
            json.key("kind"); json.string(kind.rawValue)
        }
    }
}

extension ScanSummary: PrettyJSONWritable {
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

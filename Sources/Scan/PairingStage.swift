import Report
import Rules
import Vocabulary

/// Whole credentials: the parts of one credential found together in one item become one
/// finding. A rule's `[[rule.pair]]` tables name the rules whose findings are the other parts
/// (an AWS secret access key's key id and session token); the stage runs on the built findings
/// of one item (a file, a change, a blob), after the core, so the matcher knows nothing of it.
///
/// "Together" (docs/pairs.md): in the same item and at most `reach` lines apart. Every
/// (secret, part) candidate is ranked by distance (lines, then columns; at equal distance the
/// part above first), and taken greedily: each secret takes the nearest free finding for each
/// of its parts, and a part belongs to one credential. So two key pairs in one file join as
/// they were written, whatever order the matcher found them in.
///
/// The joined finding is the secret half's (its fingerprint stays, so baselines keep working),
/// with `components` listing every part; the partners' own findings are folded into it. A lone
/// half is still reported, its blast radius saying what it is missing.
struct PairingStage {
    /// Most lines between two parts of one credential: a `.env` or `~/.aws/credentials` profile,
    /// a JSON or YAML object, a Terraform provider block keeps them within a few lines; further
    /// away they are more often two credentials than one.
    static let reach = 8

    /// What a secret half's rule pairs with: for each of its rule's pairs, the partner rule ids.
    struct Half {
        var name: String
        var role: String
        var pairs: [RulePair]
    }

    /// Secret-half rules by id.
    let halves: [String: Half]
    /// For each partner rule id, the secret halves it completes (rule id, its name, its role), by id.
    let partners: [String: [(secret: String, name: String, role: String)]]

    init(rules: [Rule]) {
        var halves: [String: Half] = [:]
        var partners: [String: [(secret: String, name: String, role: String)]] = [:]
        for rule in rules where !rule.pairs.isEmpty {
            halves[rule.id] = Half(name: rule.name, role: rule.name, pairs: rule.pairs)
            for pair in rule.pairs {
                for id in pair.rules { partners[id, default: []].append((rule.id, rule.name, pair.role)) }
            }
        }
        self.halves = halves
        self.partners = partners.mapValues { $0.sorted { $0.secret < $1.secret } }
    }

    /// Whether any rule declares a pair (when none does, the stage is skipped).
    var isEmpty: Bool { halves.isEmpty }

    /// `found`: the findings of one item, in any order. Returns them with the parts of each whole
    /// credential folded into its secret half, in the order given (less the folded ones).
    func apply(_ found: [Candidate]) -> [Candidate] {
        guard !halves.isEmpty, found.count > 0 else { return found }
        let secrets = found.indices.filter { halves[found[$0].finding.rule] != nil }
        let parts = found.indices.filter { partners[found[$0].finding.rule] != nil && halves[found[$0].finding.rule] == nil }
        guard !secrets.isEmpty || !parts.isEmpty else { return found }

        struct Option { var lines: Int; var columns: Int; var below: Bool; var secret: Int; var slot: Int; var part: Int }
        var options: [Option] = []
        for s in secrets {
            let f = found[s].finding
            for (slot, pair) in halves[f.rule]!.pairs.enumerated() {
                for p in parts where pair.rules.contains(found[p].finding.rule) {
                    let g = found[p].finding
                    guard g.file == f.file, g.commit?.sha == f.commit?.sha, abs(g.line - f.line) <= PairingStage.reach else { continue }
                    options.append(Option(lines: abs(g.line - f.line), columns: abs(g.column - f.column),
                                          below: g.line > f.line || (g.line == f.line && g.column > f.column),
                                          secret: s, slot: slot, part: p))
                }
            }
        }
        func position(_ i: Int) -> (Int, Int, String) { (found[i].finding.line, found[i].finding.column, found[i].finding.rule) }
        options.sort { a, b in
            if a.lines != b.lines { return a.lines < b.lines }
            if a.columns != b.columns { return a.columns < b.columns }
            if a.below != b.below { return !a.below }
            if a.secret != b.secret { return position(a.secret) < position(b.secret) }
            return position(a.part) < position(b.part)
        }
        var taken: [Int: [Int: Int]] = [:]   // secret → slot → part
        var used = Set<Int>()
        for o in options where taken[o.secret]?[o.slot] == nil && !used.contains(o.part) {
            taken[o.secret, default: [:]][o.slot] = o.part
            used.insert(o.part)
        }

        var out = found
        for s in secrets {
            let half = halves[out[s].finding.rule]!
            let joined = taken[s] ?? [:]
            var components: [Component] = []
            var reasons: [String] = []
            if !joined.isEmpty {
                components.append(PairingStage.component(out[s].finding, role: half.role))
                for (slot, p) in joined.sorted(by: { $0.key < $1.key }) {
                    components.append(PairingStage.component(found[p].finding, role: half.pairs[slot].role))
                }
                components.sort { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
                let listed = joined.sorted(by: { $0.key < $1.key }).map { slot, p in
                    "its \(half.pairs[slot].role) on line \(found[p].finding.line)"
                }
                reasons.append("Whole credential: found with \(listed.joined(separator: " and ")), so it can be used as it stands.")
                // A whole credential lasts as long as its shortest-lived part (an ASIA key id
                // makes its secret a temporary STS credential).
                if out[s].finding.blastRadius.lifetime != .expired, out[s].finding.blastRadius.lifetime != .temporary,
                   let short = joined.values.sorted().first(where: { found[$0].finding.blastRadius.lifetime == .temporary }) {
                    out[s].finding.blastRadius.lifetime = .temporary
                    reasons.append("Temporary: its \(half.pairs[joined.first { $0.value == short }!.key].role) (\(found[short].finding.rule)) is a short-lived credential.")
                }
            }
            let missing = half.pairs.indices.filter { joined[$0] == nil && !half.pairs[$0].optional }.map { half.pairs[$0].role }
            if !missing.isEmpty {
                reasons.append("\(PairingStage.capitalized(half.role)) without its \(missing.joined(separator: " or ")) within \(PairingStage.reach) lines: whoever holds that (often in another file, the CI settings or the account console) can use it.")
            }
            if !components.isEmpty { out[s].finding.components = components }
            out[s].finding.blastRadius.reasons += reasons
        }
        for p in parts where !used.contains(p) {
            guard let first = partners[out[p].finding.rule]?.first else { continue }
            out[p].finding.blastRadius.reasons.append(
                "\(PairingStage.capitalized(first.role)) without its secret (\(first.name)) within \(PairingStage.reach) lines: it names the credential but cannot be used alone; the secret may be committed elsewhere.")
        }
        return out.indices.filter { !used.contains($0) }.map { out[$0] }
    }

    static func component(_ f: Finding, role: String) -> Component {
        Component(rule: f.rule, role: role, line: f.line, column: f.column, secret: f.secret, fingerprint: f.fingerprint)
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

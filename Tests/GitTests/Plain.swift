import Report
import Vocabulary

// The parts of a finding the tests written before issue 12 compare: without risk factors, the
// unowned flag and the LLMjacking reason, which SecretIntroductionTests asserts.
extension Risk {
    var plain: Risk { Risk(score: score, level: level) }
}

extension Owner {
    var plain: Owner { Owner(team: team, author: author, email: email) }
}

extension BlastRadiusInfo {
    var plain: BlastRadiusInfo {
        var copy = self
        copy.reasons.removeAll { $0.hasPrefix("LLMjacking: ") }
        return copy
    }
}

import Rules

/// The built-in rule set, parsed once for every suite of this target (it keeps the tests fast).
let builtin: RuleSet = try! RuleSet.load()

/// The TOML of a one-rule file, for tests that need a user rule (a hostile regex, say).
public enum RuleText {
    public static func rule(id: String = "evil", regex: String, keyword: String = "aaaa",
                            example: String = "aaaa") -> String {
        """
        [[rule]]
        id = "\(id)"
        name = "Catastrophic backtracking"
        provider = "Test"
        category = "generic"
        keywords = ["\(keyword)"]
        regex = '''\(regex)'''
        examples = ['''\(example)''']
        negative_examples = ['''bbbb''', '''cccc''']

        [rule.blast_radius]
        level = "low"
        impact = "None."
        """
    }
}

/// Provider keys whose prefix names their type (OpenAI, Anthropic, Stripe, Slack), so a broad rule
/// still learns the level the specific type deserves.
enum PrefixedToken {
    /// One prefix and what it implies.
    private struct Kind {
        let prefix: String
        let level: String
        let lifetime: String?
        let capabilities: [String]
        let reason: String
    }

    /// Longer prefixes first, since `sk-ant-` and `sk-proj-` also start with `sk-`.
    private static let kinds: [Kind] = [
        // Anthropic
        Kind(prefix: "sk-ant-admin01-", level: "critical", lifetime: "long-lived", capabilities: ["admin"],
             reason: "Anthropic Admin API key: manages the organization's members, workspaces and API keys"),
        Kind(prefix: "sk-ant-api03-", level: "high", lifetime: "long-lived", capabilities: ["model-inference", "spend"],
             reason: "Anthropic API key: calls the models on the organization's bill"),
        // OpenAI
        Kind(prefix: "sk-admin-", level: "critical", lifetime: "long-lived", capabilities: ["admin"],
             reason: "OpenAI Admin API key: manages the organization's users, projects and API keys"),
        Kind(prefix: "sk-svcacct-", level: "high", lifetime: "long-lived", capabilities: ["model-inference", "spend"],
             reason: "OpenAI service-account key: a bot identity of one project, not revoked when a person leaves"),
        Kind(prefix: "sk-proj-", level: "high", lifetime: "long-lived", capabilities: ["model-inference", "spend"],
             reason: "OpenAI project key: calls the models with the project's permissions, on its bill"),
        // Stripe
        Kind(prefix: "sk_live_", level: "critical", lifetime: "long-lived", capabilities: ["charges", "refunds", "payouts"],
             reason: "Stripe live secret key: full API access to real money (charges, refunds, payouts)"),
        Kind(prefix: "rk_live_", level: "high", lifetime: "long-lived", capabilities: [],
             reason: "Stripe restricted live key: only the permissions chosen at creation, but on real money"),
        Kind(prefix: "sk_test_", level: "low", lifetime: "long-lived", capabilities: [],
             reason: "Stripe test-mode key: test data only, no real money"),
        Kind(prefix: "rk_test_", level: "low", lifetime: "long-lived", capabilities: [],
             reason: "Stripe restricted test-mode key: test data only, no real money"),
        // Slack
        Kind(prefix: "xoxp-", level: "high", lifetime: "long-lived", capabilities: ["impersonation"],
             reason: "Slack user token: acts as a person, reading what they can read (DMs, private channels) and posting as them"),
        Kind(prefix: "xoxb-", level: "medium", lifetime: "long-lived", capabilities: [],
             reason: "Slack bot token: acts as the app's bot user, only in channels it was added to, with its scopes"),
        Kind(prefix: "xapp-", level: "medium", lifetime: "long-lived", capabilities: [],
             reason: "Slack app-level token: opens Socket Mode connections and receives the app's events"),
    ]

    /// The anatomy of a known prefixed key, or nil for other strings.
    static func inspect(_ secret: String) -> Anatomy? {
        guard let kind = kinds.first(where: { secret.hasPrefix($0.prefix) }) else { return nil }
        return Anatomy(lifetime: kind.lifetime, level: kind.level, capabilities: kind.capabilities,
                       reasons: [kind.reason])
    }
}

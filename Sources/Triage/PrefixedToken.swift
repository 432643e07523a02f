/// Provider keys whose prefix names their type (OpenAI, Anthropic, Stripe, Slack), so a broad rule
/// still learns the level the specific type deserves.
enum PrefixedToken {
    /// Longer prefixes first, since `sk-ant-` and `sk-proj-` also start with `sk-`.
    private static let kinds: [TokenKind] = [
        // Anthropic
        TokenKind(prefix: "sk-ant-admin01-", level: "critical", lifetime: "long-lived", capabilities: ["admin"],
                  reason: "Anthropic Admin API key: manages the organization's members, workspaces and API keys"),
        TokenKind(prefix: "sk-ant-api03-", level: "high", lifetime: "long-lived", capabilities: ["model-inference", "spend"],
                  reason: "Anthropic API key: calls the models on the organization's bill"),
        // OpenAI
        TokenKind(prefix: "sk-admin-", level: "critical", lifetime: "long-lived", capabilities: ["admin"],
                  reason: "OpenAI Admin API key: manages the organization's users, projects and API keys"),
        TokenKind(prefix: "sk-svcacct-", level: "high", lifetime: "long-lived", capabilities: ["model-inference", "spend"],
                  reason: "OpenAI service-account key: a bot identity of one project, not revoked when a person leaves"),
        TokenKind(prefix: "sk-proj-", level: "high", lifetime: "long-lived", capabilities: ["model-inference", "spend"],
                  reason: "OpenAI project key: calls the models with the project's permissions, on its bill"),
        // Stripe
        TokenKind(prefix: "sk_live_", level: "critical", lifetime: "long-lived", capabilities: ["charges", "refunds", "payouts"],
                  reason: "Stripe live secret key: full API access to real money (charges, refunds, payouts)"),
        TokenKind(prefix: "rk_live_", level: "high", lifetime: "long-lived", capabilities: [],
                  reason: "Stripe restricted live key: only the permissions chosen at creation, but on real money"),
        TokenKind(prefix: "sk_test_", level: "low", lifetime: "long-lived", capabilities: [],
                  reason: "Stripe test-mode key: test data only, no real money"),
        TokenKind(prefix: "rk_test_", level: "low", lifetime: "long-lived", capabilities: [],
                  reason: "Stripe restricted test-mode key: test data only, no real money"),
        // Slack
        TokenKind(prefix: "xoxp-", level: "high", lifetime: "long-lived", capabilities: ["impersonation"],
                  reason: "Slack user token: acts as a person, reading what they can read (DMs, private channels) and posting as them"),
        TokenKind(prefix: "xoxb-", level: "medium", lifetime: "long-lived", capabilities: [],
                  reason: "Slack bot token: acts as the app's bot user, only in channels it was added to, with its scopes"),
        TokenKind(prefix: "xapp-", level: "medium", lifetime: "long-lived", capabilities: [],
                  reason: "Slack app-level token: opens Socket Mode connections and receives the app's events"),
    ]

    /// The anatomy of a known prefixed key, or nil for other strings.
    static func inspect(_ secret: String) -> Anatomy? {
        guard let kind = TokenKind.first(in: kinds, for: secret) else { return nil }
        return kind.anatomy
    }
}

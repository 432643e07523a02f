import Vocabulary

/// Which credentials can buy model access (LLMjacking): AI provider keys, and cloud credentials
/// whose reach includes a model service (Bedrock, Vertex AI, Azure OpenAI, Workers AI, ...).
/// Public reports of the abuse: Sysdig 2024 (stolen AWS keys driving Bedrock), Permiso 2024,
/// Microsoft's Storm-2139 case (Azure OpenAI keys). See docs/risk.md.
public enum LLMjacking {
    /// The tag findings carry.
    public static let tag = "llmjacking"

    /// Rule-id prefixes of cloud credentials that reach a model service, with the service named.
    static let cloudModelServices: [(prefix: String, reason: String)] = [
        ("aws-bedrock-", "Amazon Bedrock API key: buys model invocations billed to the AWS account"),
        ("aws-", "AWS credential: can invoke Amazon Bedrock models billed to the account (the most reported LLMjacking entry)"),
        ("gcp-service-account-key", "GCP service-account key: can call Vertex AI models billed to the project"),
        ("google-api-key", "Google API key: can call the Gemini / Generative Language API if enabled on its project"),
        ("azure-openai-", "Azure OpenAI key: buys model deployments billed to the subscription"),
        ("azure-entra-client-secret", "Azure service principal secret: can reach Azure OpenAI / Azure AI resources it is granted"),
        ("cloudflare-api-token", "Cloudflare API token: can run Workers AI models billed to the account"),
        ("cloudflare-global-api-key", "Cloudflare global API key: can run Workers AI models billed to the account"),
        ("databricks-", "Databricks token: can query model serving endpoints (foundation model APIs)"),
        ("vercel-ai-gateway-", "Vercel AI Gateway key: buys model calls through the gateway"),
        ("openrouter-", "OpenRouter key: buys model calls from many providers"),
    ]

    /// Why a credential of `ruleID` can buy model access, or nil when it cannot. Every AI-category
    /// rule can; cloud rules only when their service offers models.
    public static func reason(ruleID: String, category: Category) -> String? {
        if let hit = cloudModelServices.first(where: { ruleID.hasPrefix($0.prefix) }) { return hit.reason }
        if category == .ai { return "AI provider key: buys model access billed to its owner" }
        return nil
    }

    /// The model provider a finding's credential can be used against, for the summary's counts.
    public static func provider(ruleID: String, provider: String) -> String {
        if ruleID.hasPrefix("aws-") { return "Amazon Bedrock" }
        if ruleID.hasPrefix("gcp-") || ruleID == "google-api-key" { return "Google Vertex AI / Gemini" }
        if ruleID.hasPrefix("azure-") { return "Azure OpenAI" }
        if ruleID.hasPrefix("cloudflare-") { return "Cloudflare Workers AI" }
        return provider
    }
}

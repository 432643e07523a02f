/// What a holder of a credential can do. The declared list: a rule file naming anything else
/// is an error, so the same power is never spelled two ways (`mint-tokens`, `token-minting`).
public enum Capability: String, Sendable, CaseIterable, Codable {
    case admin, read, write, delete, manage
    case cloudAdmin = "cloud-admin"
    case modelRead = "model-read", modelWrite = "model-write"
    case spend, billing, payments
    case modelInference = "model-inference"
    case codeAccess = "code-access", codeExecution = "code-execution", supplyChain = "supply-chain"
    case publish, deploy, messaging
    case sendEmail = "send-email"
    case authenticate
    case registryAccess = "registry-access"
    case impersonateUser = "impersonate-user", impersonateApp = "impersonate-app", impersonateAgent = "impersonate-agent"
    case sign
    case sessionForgery = "session-forgery", sessionHijack = "session-hijack"
    case identifyAccount = "identify-account"
    case dns
    case tokenMinting = "token-minting"
    case decrypt
    case ciJobs = "ci-jobs", workflowTrigger = "workflow-trigger"
    case readSecrets = "read-secrets"
    case offlineCracking = "offline-cracking"
    case clusterAccess = "cluster-access"
    case assumedRole = "assumed-role"
    case userProvisioning = "user-provisioning"
    case phishing
    case forgeEvents = "forge-events", eventStream = "event-stream"
    case appManagement = "app-management"
    case apiAccessWithSecret = "api-access-with-secret"
    case unknown
}

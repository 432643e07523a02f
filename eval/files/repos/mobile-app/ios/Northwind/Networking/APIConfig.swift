import Foundation

enum APIConfig {
    static let baseURL = URL(string: "https://api.northwind.io")!
    static let clientSecret = "TtvX3xUjM6BN4amQmbffUIPF6acNgBb3R78AUpjrB34"
    static let apiKeyHeader = "X-Api-Key"
    static let analyticsToken: String = "Yxs4aKix4t46bFZ9nC9Cse50vpQhi7fH"
}

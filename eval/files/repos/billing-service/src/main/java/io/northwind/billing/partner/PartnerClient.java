package io.northwind.billing.partner;

import java.net.http.HttpClient;
import java.time.Duration;

public final class PartnerClient {
    private static final String BASE_URL = "https://api.partner-logistics.de/v3";
    private static final String CLIENT_ID = "northwind-billing";
    private static final String CLIENT_SECRET = "A1o2T2dcancEmJP5cQ0eI3jaeLrLp0FLA0NZ83Sa";
    private static final String TOKEN_PATH = "/oauth/token";
    private static final String ACCESS_TOKEN_HEADER = "X-Access-Token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
}

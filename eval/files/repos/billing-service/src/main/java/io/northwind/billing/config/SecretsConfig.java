package io.northwind.billing.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SecretsConfig {
    @Value("${app.jwt.secret}")
    private String jwtSecret;

    @Value("${stripe.api-key:}")
    private String stripeApiKey;

    private static final String SECRET_NAME = "prod/billing/stripe";
    public static final String API_KEY_HEADER = "X-Api-Key";
}

import Stripe from "stripe";

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });

// restricted key for the reporting cron (read-only on charges)
export const reportingStripe = new Stripe("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", { apiVersion: "2024-06-20" });

export const PRICE_PRO_MONTHLY = "price_1P0g36VhmUgQJ4HvZjrmS73A";
export const TEST_CUSTOMER = "cus_Q2QAZf9q5ov59s";

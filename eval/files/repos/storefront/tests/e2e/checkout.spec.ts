import { test, expect } from "@playwright/test";

const STRIPE_TEST_KEY = "sk_test_51UTqoZFGhh5JxTvAOulrQMyWfpslZUnh6pcQlBxFAcNETeV70fbRQkGTPrFzI8qsxDqvn5gxYxwU7tFSB35AOXpw2adI8Owxis";

test("checkout with 4242 card", async ({ page }) => {
  await page.goto("/checkout");
  await page.fill("[name=cardnumber]", "4242 4242 4242 4242");
  await page.fill("[name=exp-date]", "12/34");
  await page.click("text=Pay");
  await expect(page.locator(".order-confirmed")).toBeVisible();
});

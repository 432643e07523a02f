import { OAuth2Client } from "google-auth-library";

export const googleClient = new OAuth2Client({
  clientId: "584575314297-pF2CFe8EzVV2DUKjCh4ogXCjM5R2LBGb.apps.googleusercontent.com",
  clientSecret: "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",
  redirectUri: "https://shop.northwind.io/api/auth/callback/google",
});

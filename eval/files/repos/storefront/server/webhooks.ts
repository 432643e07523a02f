import crypto from "node:crypto";

const SHIPPO_WEBHOOK_SECRET = "921e4e75a85fc7dbf8c9ffab1ffa1546fa99a5ae";
const csrfTokenName = "x-csrf-token";
const nextPageToken = "U7vaoznZnFdmgq3_E1jxDg";

export function verify(body: string, signature: string): boolean {
  const digest = crypto.createHmac("sha256", SHIPPO_WEBHOOK_SECRET).update(body).digest("hex");
  return crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(signature));
}

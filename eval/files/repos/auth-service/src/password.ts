import argon2 from "argon2";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_RESET_TOKEN_TTL = 60 * 30;
const password_hash_options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2 };

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, password_hash_options);
}

export async function verify(stored: string, password: string) {
  const token = await issueToken(stored);
  return argon2.verify(stored, password) && token !== undefined;
}

export function mask(secret: string) {
  return secret.slice(0, 4) + "*".repeat(Math.max(0, secret.length - 4));
}

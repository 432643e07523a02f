import { describe, it, expect } from "vitest";
import { hashPassword, verify } from "../src/password";

describe("password", () => {
  it("round-trips", async () => {
    const password = "correct horse battery staple";
    const stored = await hashPassword(password);
    expect(await verify(stored, password)).toBe(true);
  });

  it("rejects wrong passwords", async () => {
    const stored = await hashPassword("hunter2");
    expect(await verify(stored, "wrong-password")).toBe(false);
  });

  it("masks tokens", () => {
    expect(mask("sk-test-1234567890")).toBe("sk-t**************");
  });
});

import { describe, expect, it } from "vitest";
import { currentTotp, matchTotp, newTotpSecret, otpauthUri } from "./totp.js";

describe("TOTP", () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 0, 5, 9, 0, 0);
  const step = Math.floor(now / 30_000);

  it("matches the current code and one step either side, and nothing further", () => {
    expect(matchTotp(secret, currentTotp(secret, now), null, now)).toBe(step);
    expect(matchTotp(secret, currentTotp(secret, now - 30_000), null, now)).toBe(step - 1);
    expect(matchTotp(secret, currentTotp(secret, now + 30_000), null, now)).toBe(step + 1);
    expect(matchTotp(secret, currentTotp(secret, now - 90_000), null, now)).toBeUndefined();
  });

  it("refuses a code at or before the last step used, so a code works once", () => {
    expect(matchTotp(secret, currentTotp(secret, now), step, now)).toBeUndefined();
    expect(matchTotp(secret, currentTotp(secret, now + 30_000), step, now)).toBe(step + 1);
  });

  it("refuses anything that is not six digits", () => {
    expect(matchTotp(secret, "12345", null, now)).toBeUndefined();
    expect(matchTotp(secret, "abcdef", null, now)).toBeUndefined();
  });

  it("gives an otpauth URI that authenticator apps read", () => {
    const uri = new URL(otpauthUri(secret, "sam@oak.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Vigil");
    expect(uri.searchParams.get("digits")).toBe("6");
  });
});

import { describe, expect, it } from "vitest";
import { verifiedEmailOf } from "./verified-email.js";

const base = { iss: "https://idp.example", sub: "1", aud: "c", iat: 0, exp: 0 };

describe("the verified email of an ID token", () => {
  it("takes a verified email, lower-cased", () => {
    expect(verifiedEmailOf({ ...base, email: "Ann@Oak.example", email_verified: true }, "google")).toBe(
      "ann@oak.example",
    );
  });

  it("refuses an email not verified, verified only as a string, or missing", () => {
    expect(
      verifiedEmailOf({ ...base, email: "a@oak.example", email_verified: false }, "google"),
    ).toBeUndefined();
    expect(
      verifiedEmailOf({ ...base, email: "a@oak.example", email_verified: "true" }, "google"),
    ).toBeUndefined();
    expect(verifiedEmailOf({ ...base, email: "a@oak.example" }, "google")).toBeUndefined();
    expect(verifiedEmailOf({ ...base, email_verified: true }, "google")).toBeUndefined();
    expect(verifiedEmailOf(undefined, "google")).toBeUndefined();
  });

  it("accepts Entra ID's xms_edov from a Microsoft provider only", () => {
    const entra = { ...base, email: "a@oak.example", xms_edov: true };
    expect(verifiedEmailOf(entra, "microsoft")).toBe("a@oak.example");
    expect(verifiedEmailOf(entra, "oidc")).toBeUndefined();
  });
});

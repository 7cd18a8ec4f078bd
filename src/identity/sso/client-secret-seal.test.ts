import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openClientSecret, sealClientSecret } from "./client-secret-seal.js";

describe("sealing client secrets", () => {
  const key = randomBytes(32);

  it("opens what it sealed, and seals the same secret differently each time", () => {
    const sealed = sealClientSecret(key, "provider-1", "s3cret");
    expect(openClientSecret(key, "provider-1", sealed)).toBe("s3cret");
    expect(sealClientSecret(key, "provider-1", "s3cret")).not.toBe(sealed);
  });

  it("refuses a secret moved to another provider, altered, or opened with another key", () => {
    const sealed = sealClientSecret(key, "provider-1", "s3cret");
    expect(() => openClientSecret(key, "provider-2", sealed)).toThrow(/cannot be opened/);
    const raw = Buffer.from(sealed.slice(5), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => openClientSecret(key, "provider-1", `VGS1.${raw.toString("base64")}`)).toThrow(
      /cannot be opened/,
    );
    expect(() => openClientSecret(randomBytes(32), "provider-1", sealed)).toThrow(/cannot be opened/);
    expect(() => openClientSecret(key, "provider-1", "s3cret")).toThrow(/cannot be opened/);
  });
});

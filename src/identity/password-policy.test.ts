import { describe, expect, it } from "vitest";
import { commonPasswords } from "./common-passwords.js";
import { isGuessable, passwordProblem } from "./password-policy.js";

describe("passwordProblem", () => {
  it("refuses a password shorter than 12 characters, naming the minimum", () => {
    expect(passwordProblem("short pass")).toBe("The password must be at least 12 characters");
  });

  it("refuses a password longer than 256 characters", () => {
    expect(passwordProblem("x".repeat(257))).toMatch(/at most 256/);
  });

  it.each([
    "password1234",
    "Password123456!",
    "qwertyuiopasdf",
    "iloveyou2024!!",
    "123456789012",
    "aaaaaaaaaaaaaaa",
    "abcabcabcabcabc",
    "monkeymonkeymonkey",
    "zyxwvutsrqponm",
    "Liverpool1892!",
  ])("refuses the guessable %s", (password) => {
    expect(passwordProblem(password)).toMatch(/too easy to guess/);
  });

  it("refuses the person's own email or its name part", () => {
    expect(isGuessable("sam.taylor@oak.example", "sam.taylor@oak.example")).toBe(true);
    expect(isGuessable("sam.taylor2024", "sam.taylor@oak.example")).toBe(true);
  });

  it.each(["purple kettle under the bridge", "tangerine-otter-walks-slowly", "M7#kq9!vZ2@wLp"])(
    "accepts the strong %s",
    (password) => {
      expect(passwordProblem(password, { email: "sam@oak.example" })).toBeUndefined();
    },
  );

  it("ships a real list of common passwords", () => {
    expect(commonPasswords.size).toBeGreaterThan(700);
    for (const known of ["123456", "password", "qwerty", "iloveyou", "trustno1", "letmein"]) {
      expect(commonPasswords.has(known)).toBe(true);
    }
  });
});

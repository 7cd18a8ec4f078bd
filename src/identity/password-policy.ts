/**
 * What makes a password unacceptable: too short, too long, or easy to guess (a common password,
 * one of them with digits or symbols around it, one character or a short run repeated, a keyboard
 * or alphabet run, or the person's own email). No composition rules, following NIST SP 800-63B.
 */
import { commonPasswords } from "./common-passwords.js";
// From limits.ts, not password.ts: the console bundles this policy and must not pull in argon2.
import { passwordMaxLength, passwordMinLength } from "../contracts/limits.js";

const runs = [
  "abcdefghijklmnopqrstuvwxyz",
  "01234567890123456789",
  "qwertyuiopasdfghjklzxcvbnm",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "azertyuiopqsdfghjklmwxcvbn",
];

/** Why `password` is not acceptable, in words for the person; undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
  if (password.length < passwordMinLength) {
    return `The password must be at least ${passwordMinLength} characters`;
  }
  if (password.length > passwordMaxLength) {
    return `The password must be at most ${passwordMaxLength} characters`;
  }
  if (isGuessable(password, context.email)) {
    return "The password is too easy to guess: it is a common password or built from one. A few unrelated words make a strong one";
  }
  return undefined;
}

/** True when the password is common, built from a common one, repetitive, a run, or the email. */
export function isGuessable(password: string, email?: string): boolean {
  const lower = password.normalize("NFKC").toLowerCase();
  const squeezed = lower.replace(/\s+/g, "");
  const core = squeezed.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  const candidates = [lower, squeezed, core, repeatedUnit(squeezed), repeatedUnit(core)];
  if (candidates.some((candidate) => candidate !== undefined && commonPasswords.has(candidate))) return true;
  const unit = repeatedUnit(squeezed);
  if (unit !== undefined && unit.length <= 4) return true;
  if (isRun(squeezed) || isRun(core)) return true;
  if (email) {
    const local = email.toLowerCase().split("@")[0] ?? "";
    if (squeezed === email.toLowerCase() || (local.length >= 4 && core === local)) return true;
  }
  return false;
}

/** The shortest piece the text is made of repeated (`abcabc` gives `abc`), if it is repeated. */
function repeatedUnit(text: string): string | undefined {
  for (let length = 1; length <= text.length / 2; length += 1) {
    if (text.length % length === 0 && text.slice(0, length).repeat(text.length / length) === text) {
      return text.slice(0, length);
    }
  }
  return undefined;
}

function isRun(text: string): boolean {
  if (text.length < 6) return false;
  const reversed = Array.from(text).reverse().join("");
  return runs.some((run) => run.includes(text) || run.includes(reversed));
}

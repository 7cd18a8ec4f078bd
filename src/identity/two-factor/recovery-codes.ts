/**
 * Recovery codes: ten single-use codes shown once when two-factor is turned on, for when the
 * phone is lost. Each has about 79 random bits; only their SHA-256 is stored.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { WriteContext } from "../../platform/context/write-context.js";
import { hashSecret } from "../secret-token.js";

export const recoveryCodeCount = 10;
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/i/l: codes are read off paper

/** Replaces a person's recovery codes with new ones; returns them for showing once. */
export async function issueRecoveryCodes(ctx: WriteContext, userId: string): Promise<string[]> {
  await ctx.trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const now = new Date().toISOString();
  await ctx.trx
    .insertInto("recovery_codes")
    .values(
      codes.map((code) => ({
        id: randomUUID(),
        user_id: userId,
        code_hash: hashSecret(normaliseCode(code)),
        created_at: now,
      })),
    )
    .execute();
  return codes;
}

/** Uses up a recovery code; true when it was one of the person's unused codes. */
export async function consumeRecoveryCode(ctx: WriteContext, userId: string, code: string): Promise<boolean> {
  const result = await ctx.trx
    .updateTable("recovery_codes")
    .set({ used_at: new Date().toISOString() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hashSecret(normaliseCode(code)))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How many unused recovery codes a person has left. */
export async function countRecoveryCodes(ctx: Pick<WriteContext, "trx">, userId: string): Promise<number> {
  const row = await ctx.trx
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number | string>().as("left"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.left);
}

/** True when the text looks like a recovery code rather than a 6-digit TOTP code. */
export function isRecoveryCodeShape(code: string): boolean {
  return normaliseCode(code).length === 16;
}

function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length] ?? "a").join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
}

function normaliseCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

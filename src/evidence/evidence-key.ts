/**
 * The evidence key: 32 bytes from configuration or a key file, never stored in the database. The
 * database keeps only a key check value (an HMAC of a fixed label under the key), so a wrong key is
 * caught at start-up instead of producing files nobody can open, and evidence is never written in clear.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { Config } from "../platform/config/settings.js";
import { AppError } from "../platform/errors/app-error.js";

const checkSettingKey = "evidence.key-check";
const checkLabel = "vigil evidence key check v1";

type KeyConfig = Pick<Config, "dataDir" | "evidenceKey" | "evidenceKeyFile">;

// Per database, so each database's check value is compared once (tests open several).
let loaded = new WeakMap<object, Map<string, Buffer>>();

/** The key check value stored beside the data: proves a key is the right one without revealing it. */
export function keyCheckValue(key: Buffer): string {
  return createHmac("sha256", key).update(checkLabel).digest("hex").slice(0, 32);
}

/**
 * Loads (and on a new instance creates) the evidence key and checks it against the stored check
 * value; throws `invalid_setting` with what to do when the key is missing or wrong.
 */
export async function loadEvidenceKey(db: Kysely<Database>, config: KeyConfig): Promise<Buffer> {
  const cacheKey = `${config.evidenceKey ?? ""}|${config.evidenceKeyFile}|${config.dataDir}`;
  const forDb = loaded.get(db) ?? new Map<string, Buffer>();
  loaded.set(db, forDb);
  const cached = forDb.get(cacheKey);
  if (cached) return cached;
  const stored = await db
    .selectFrom("instance_settings")
    .select("value")
    .where("key", "=", checkSettingKey)
    .executeTakeFirst();
  const key = readKey(config, stored !== undefined);
  const check = keyCheckValue(key);
  if (stored === undefined) {
    await db
      .insertInto("instance_settings")
      .values({ key: checkSettingKey, value: check, updated_at: new Date().toISOString() })
      .onConflict((conflict) => conflict.column("key").doNothing())
      .execute();
  } else if (!timingSafeEqual(Buffer.from(stored.value), Buffer.from(check))) {
    throw new AppError(
      "invalid_setting",
      `The evidence key (${describeSource(config)}) is not the key this instance's evidence was encrypted with.`,
      {
        hint: "Restore the original key file from your backup (or set VIGIL_EVIDENCE_KEY to it). Vigil will not start with a different key, so evidence is never stored under a key nobody can match.",
      },
    );
  }
  forDb.set(cacheKey, key);
  return key;
}

function readKey(config: KeyConfig, evidenceExists: boolean): Buffer {
  if (config.evidenceKey !== null) return Buffer.from(config.evidenceKey, "base64");
  const path = config.evidenceKeyFile;
  if (!existsSync(path)) {
    const isDefault = path === join(config.dataDir, "evidence.key");
    if (!isDefault || evidenceExists) {
      throw new AppError("invalid_setting", `The evidence key file ${path} is missing.`, {
        hint: evidenceExists
          ? "Restore it from your backup: the evidence already stored cannot be read without it."
          : "Create it with `openssl rand -base64 32 > <file>` (mode 0600), or point VIGIL_EVIDENCE_KEY_FILE at your key.",
      });
    }
    // A new instance: make a key once, readable only by Vigil's user. `wx` never overwrites one.
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  if (key.length !== 32) {
    throw new AppError(
      "invalid_setting",
      `The evidence key file ${path} does not hold a 32-byte base64 key.`,
      {
        hint: "The file should hold one line such as the output of `openssl rand -base64 32`.",
      },
    );
  }
  return key;
}

function describeSource(config: KeyConfig): string {
  return config.evidenceKey !== null ? "VIGIL_EVIDENCE_KEY" : config.evidenceKeyFile;
}

/** Forgets loaded keys (tests that swap key files). */
export function forgetEvidenceKeys(): void {
  loaded = new WeakMap();
}

/**
 * Where evidence lives: encrypted files under `<dataDir>/evidence/<school>/<id>.vge`. Only the
 * store reads or writes them; nothing is ever written in clear, not even for a moment.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { Config } from "../platform/config/settings.js";
import { decryptEvidence, encryptEvidence } from "./evidence-cipher.js";
import { loadEvidenceKey } from "./evidence-key.js";

export interface EvidenceStore {
  key: Buffer;
  dataDir: string;
  maxBytes: number;
}

/** The store for this configuration; fails (as start-up does) when the key is missing or wrong. */
export async function openEvidenceStore(
  db: Kysely<Database>,
  config: Pick<Config, "dataDir" | "evidenceKey" | "evidenceKeyFile" | "evidenceMaxBytes">,
): Promise<EvidenceStore> {
  return {
    key: await loadEvidenceKey(db, config),
    dataDir: config.dataDir,
    maxBytes: config.evidenceMaxBytes,
  };
}

/** SHA-256 in hex. */
export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Encrypts and writes the content; returns the relative path and the stored file's SHA-256. */
export function writeEvidenceFile(
  store: EvidenceStore,
  schoolId: string,
  evidenceId: string,
  plain: Buffer,
): { storagePath: string; storedSha256: string } {
  const storagePath = join("evidence", schoolId, `${evidenceId}.vge`);
  const full = join(store.dataDir, storagePath);
  mkdirSync(dirname(full), { recursive: true, mode: 0o700 });
  const sealed = encryptEvidence(store.key, evidenceId, plain);
  // Written beside and renamed, so a crash never leaves half a file under the final name.
  writeFileSync(`${full}.part`, sealed, { mode: 0o600 });
  renameSync(`${full}.part`, full);
  return { storagePath, storedSha256: sha256Hex(sealed) };
}

/** Reads and decrypts an item's content (the caller has checked it may be shown). */
export function readEvidenceFile(store: EvidenceStore, evidenceId: string, storagePath: string): Buffer {
  return decryptEvidence(store.key, evidenceId, readFileSync(join(store.dataDir, storagePath)));
}

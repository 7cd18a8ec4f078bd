import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { decryptEvidence, encryptEvidence } from "./evidence-cipher.js";
import { forgetEvidenceKeys, loadEvidenceKey } from "./evidence-key.js";

forEachDialect("the evidence key", (database) => {
  beforeEach(() => {
    forgetEvidenceKeys();
  });
  const dir = mkdtempSync(join(tmpdir(), "vigil-key-"));
  const keyFile = join(dir, "evidence.key");
  const config = { dataDir: dir, evidenceKey: null, evidenceKeyFile: keyFile };

  it("refuses a named key file that does not exist, before any key is made", async () => {
    await expect(
      loadEvidenceKey(database().db, { ...config, evidenceKeyFile: join(dir, "elsewhere.key") }),
    ).rejects.toThrow(/evidence key file .*elsewhere.key is missing/);
  });

  it("creates the default key once, readable only by its owner, and loads it again", async () => {
    const key = await loadEvidenceKey(database().db, config);
    expect(key.length).toBe(32);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    forgetEvidenceKeys();
    expect((await loadEvidenceKey(database().db, config)).equals(key)).toBe(true);
  });

  it("stops with a clear message when the key is wrong or the key file went missing", async () => {
    const wrong = randomBytes(32).toString("base64");
    await expect(loadEvidenceKey(database().db, { ...config, evidenceKey: wrong })).rejects.toThrow(
      /is not the key this instance's evidence was encrypted with/,
    );
    rmSync(keyFile);
    await expect(loadEvidenceKey(database().db, config)).rejects.toThrow(/evidence key file .* is missing/);
    writeFileSync(keyFile, "not a key\n");
    await expect(loadEvidenceKey(database().db, config)).rejects.toThrow(
      /does not hold a 32-byte base64 key/,
    );
  });
});

it("uses a fresh nonce per item and refuses a file moved onto another item", () => {
  const key = randomBytes(32);
  const a = encryptEvidence(key, "item-a", Buffer.from("same text"));
  const b = encryptEvidence(key, "item-a", Buffer.from("same text"));
  expect(a.equals(b)).toBe(false);
  expect(decryptEvidence(key, "item-a", a).toString()).toBe("same text");
  expect(() => decryptEvidence(key, "item-b", a)).toThrow(/altered or replaced/);
});

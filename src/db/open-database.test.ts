import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors/app-error.js";
import { openDatabase } from "./open-database.js";

async function openingError(url: string): Promise<AppError> {
  const error = await openDatabase(url).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("openDatabase", () => {
  it("says which URL failed and why, hiding the password", async () => {
    const error = await openingError("postgres://vigil:secret@127.0.0.1:1/vigil");
    expect(error.id).toBe("database_unreachable");
    expect(error.message).toContain("postgres://vigil:***@127.0.0.1:1/vigil");
    expect(error.message).not.toContain("secret");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it("says when a SQLite file cannot be opened", async () => {
    // A regular file where a folder should be: no folder can be made below it.
    const notAFolder = join(mkdtempSync(join(tmpdir(), "vigil-open-")), "file");
    writeFileSync(notAFolder, "");
    const error = await openingError(join(notAFolder, "vigil.db"));
    expect(error.id).toBe("database_unreachable");
    expect(error.message).toContain(join(notAFolder, "vigil.db"));
  });
});

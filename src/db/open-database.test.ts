import { describe, expect, it } from "vitest";
import { openDatabase } from "./open-database.js";

describe("openDatabase", () => {
  it("says which URL failed and why, hiding the password", async () => {
    const error = await openDatabase("postgres://vigil:secret@127.0.0.1:1/vigil").catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ id: "database_unreachable" });
    const message = (error as Error).message;
    expect(message).toContain("postgres://vigil:***@127.0.0.1:1/vigil");
    expect(message).not.toContain("secret");
    expect(message).toMatch(/ECONNREFUSED/);
  });

  it("says when a SQLite file cannot be opened", async () => {
    const error = await openDatabase("/proc/vigil-cannot-write-here/vigil.db").catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ id: "database_unreachable" });
  });
});

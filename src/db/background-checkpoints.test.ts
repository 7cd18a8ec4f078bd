import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BackgroundCheckpoints } from "./background-checkpoints.js";
import { forEachDialect } from "./test-support/for-each-dialect.js";

forEachDialect("write-ahead log checkpoints in the background", (database, { engine }) => {
  if (engine !== "sqlite") {
    it("has nothing to do where there is no write-ahead log file", () => {
      expect(BackgroundCheckpoints.start(database())).toBeNull();
    });
    return;
  }

  describe("on SQLite", () => {
    const autocheckpoint = () =>
      Number(database().sqliteConnection?.pragma("wal_autocheckpoint", { simple: true }));

    it("copies what the writer committed into the database file, and gives the setting back after the last", async () => {
      const connection = database().sqliteConnection;
      if (!connection) throw new Error("a SQLite test database has its connection");
      const setting = autocheckpoint();
      const first = BackgroundCheckpoints.start(database());
      const second = BackgroundCheckpoints.start(database());
      expect(autocheckpoint()).toBeGreaterThan(setting);
      connection.exec("create table background_checkpoint_probe (text text)");
      const insert = connection.prepare("insert into background_checkpoint_probe values (?)");
      connection.transaction(() => {
        for (let i = 0; i < 2_000; i++) insert.run("x".repeat(1_000));
      })();
      // Committed into the log only: the writer no longer checkpoints a log this short itself.
      const sizeBefore = statSync(connection.name).size;
      first?.afterCommit();
      await first?.stop();
      expect(statSync(connection.name).size).toBeGreaterThan(sizeBefore + 1_000_000);
      // One bulk write still runs: the writer's own checkpoints stay a fallback until it ends.
      expect(autocheckpoint()).toBeGreaterThan(setting);
      await second?.stop();
      expect(autocheckpoint()).toBe(setting);
    });
  });
});

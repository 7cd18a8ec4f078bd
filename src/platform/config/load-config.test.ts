import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.js";
import { loadConfig } from "./load-config.js";

const cwd = () => mkdtempSync(join(tmpdir(), "vigil-config-"));

describe("loadConfig", () => {
  it("runs on SQLite in ./data with no settings at all", () => {
    const folder = cwd();
    const config = loadConfig({}, folder);
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      dataDir: join(folder, "data"),
      logLevel: "info",
    });
    expect(config.databaseUrl).toBe(join(folder, "data", "vigil.db"));
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("names the key, the value and what was expected when a setting is wrong", () => {
    const error = (() => {
      try {
        loadConfig({ VIGIL_PORT: "eighty" }, cwd());
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).id).toBe("invalid_setting");
    expect((error as AppError).message).toBe(
      'Invalid setting VIGIL_PORT: got "eighty", expected a whole number from 0 to 65535 (0 picks a free port).',
    );
  });

  it("reads a JSON file, with the environment winning over it", () => {
    const folder = cwd();
    writeFileSync(join(folder, "vigil.config.json"), JSON.stringify({ port: 4100, logLevel: "warn" }));
    const config = loadConfig({ VIGIL_LOG_LEVEL: "error" }, folder);
    expect(config.port).toBe(4100);
    expect(config.logLevel).toBe("error");
  });

  it("refuses unknown keys in the file, naming them", () => {
    const folder = cwd();
    writeFileSync(join(folder, "vigil.config.json"), JSON.stringify({ prot: 4100 }));
    expect(() => loadConfig({}, folder)).toThrow(/unknown settings: prot/);
  });

  it("keeps a PostgreSQL URL as given", () => {
    const config = loadConfig({ VIGIL_DATABASE_URL: "postgres://vigil@db.local:5432/vigil" }, cwd());
    expect(config.databaseUrl).toBe("postgres://vigil@db.local:5432/vigil");
  });

  it("says which file is missing when VIGIL_CONFIG_FILE names one that is not there", () => {
    expect(() => loadConfig({ VIGIL_CONFIG_FILE: "nope.json" }, cwd())).toThrow(/nope\.json does not exist/);
  });
});

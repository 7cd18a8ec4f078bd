import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { settingDefinitions } from "./settings.js";

it("the README's configuration table lists every setting with its default", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "..", "..", "README.md"), "utf8");
  for (const [key, definition] of Object.entries(settingDefinitions)) {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`${definition.env}\``));
    expect(row, `README row for ${definition.env}`).toBeDefined();
    expect(row, `default of ${key}`).toContain(`\`${String(definition.default)}\``);
  }
});

/**
 * The engine must run unchanged in the browser extension and in workers: no Node built-ins and
 * no imports from the rest of Vigil. This guards that promise as files are added.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

it("imports nothing from Node and nothing from outside src/detection", () => {
  const root = import.meta.dirname;
  const offending: string[] = [];
  for (const file of sourceFiles(root)) {
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)) {
      if (!specifier) continue;
      const leavesEngine =
        specifier.startsWith(".") && relative(root, join(file, "..", specifier)).startsWith("..");
      if (specifier.startsWith("node:") || leavesEngine)
        offending.push(`${relative(root, file)} imports ${specifier}`);
    }
  }
  expect(offending).toEqual([]);
});

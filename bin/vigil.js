#!/usr/bin/env node
// The `vigil` command: runs the compiled CLI (built by `npm install` through the `prepare` script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error(
    "vigil: the compiled code is missing. Run `npm install` (or `npm run build`) in the Vigil folder first.",
  );
  process.exit(2);
}
await import(entry.href);

/** Runs the real `vigil` command (from source, through tsx) in an empty folder of its own. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..", "..", "..");
// tsx by absolute URL: in an empty working folder `--import tsx` would not resolve.
const tsxLoader = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** Node arguments that start the CLI from source. */
export const vigilArgs = ["--import", tsxLoader, join(root, "src", "main.ts")];

/** Runs `vigil <args>` to completion with extra environment and optional standard input. */
export function runVigil(args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [...vigilArgs, ...args], {
    cwd: mkdtempSync(join(tmpdir(), "vigil-cli-")),
    env: { ...process.env, ...env },
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

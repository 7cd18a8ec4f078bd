/**
 * Reads a proposed library version from a folder in the library format (library/README.md): its
 * phrase files under `phrases/` (or the folder itself), and its `profiles.yaml` when it has one,
 * else the shipped profiles. Loaded by the same pure loader as the shipped library, so a file the
 * shipped library would refuse is refused here too, with its file and line.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadLibrary, type LibraryFile, type LoadResult } from "../detection/index.js";
import { profilesPath } from "./library-paths.js";
import { yamlFilesUnder } from "./read-phrase-library.js";

/** Why a folder is not a library at all (missing, a file, or no phrase files). */
export class NotALibraryError extends Error {}

/** Loads the library in `folder`; file paths in its issues are relative to the folder. */
export function readLibraryFolder(folder: string): LoadResult {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new NotALibraryError(`${folder} is not a folder.`);
  }
  const phrases = existsSync(join(root, "phrases")) ? join(root, "phrases") : root;
  const read = (path: string, base: string): LibraryFile => ({
    path: relative(base, path),
    text: readFileSync(path, "utf8"),
  });
  // Named from the folder's parent, so "phrases/en/x.yaml" keeps the path check the shipped one has.
  const files = yamlFilesUnder(phrases)
    .filter((path) => path !== join(root, "profiles.yaml"))
    .map((path) => read(path, join(root, "..")));
  if (files.length === 0) throw new NotALibraryError(`${folder} holds no phrase files (*.yaml).`);
  const ownProfiles = join(root, "profiles.yaml");
  const profiles = existsSync(ownProfiles)
    ? read(ownProfiles, join(root, ".."))
    : { path: "library/profiles.yaml", text: readFileSync(profilesPath, "utf8") };
  return loadLibrary(files, { profiles });
}

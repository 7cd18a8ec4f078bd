/**
 * Reads the phrase library from disk (every YAML file under a folder, in a stable order) and
 * loads it with the engine's pure loader. The engine itself never touches the file system.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { loadLibrary, type LibraryFile, type LoadResult } from "../detection/index.js";
import { libraryRoot, phrasesRoot, profilesPath } from "./library-paths.js";

/** The YAML files under `path` (or `path` itself), sorted so the library version is stable. */
export function yamlFilesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      return statSync(child).isDirectory() || /\.ya?ml$/.test(name) ? yamlFilesUnder(child) : [];
    });
}

function readLibraryFile(path: string): LibraryFile {
  return { path: relative(join(libraryRoot, ".."), path), text: readFileSync(path, "utf8") };
}

/** Loads the library from `paths` (default: the shipped phrases) with the shipped profiles. */
export function readPhraseLibrary(paths: readonly string[] = [phrasesRoot]): LoadResult {
  const files = paths.flatMap(yamlFilesUnder).map(readLibraryFile);
  const profiles = existsSync(profilesPath) ? readLibraryFile(profilesPath) : undefined;
  return loadLibrary(files, profiles ? { profiles } : {});
}

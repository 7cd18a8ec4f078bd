/**
 * Where the shipped library lives. This file sits at the same depth in src/ and dist/, so the
 * library folder is found from either (tests run from src, the server from dist).
 */
import { join } from "node:path";

export const libraryRoot = join(import.meta.dirname, "..", "..", "library");
export const phrasesRoot = join(libraryRoot, "phrases");
export const profilesPath = join(libraryRoot, "profiles.yaml");
export const urlListsRoot = join(libraryRoot, "urls");

/**
 * Reads an import from disk: a folder of CSV files, a .zip of them (a OneRoster bundle is often
 * shipped zipped), or one CSV file. Only `.csv` entries are read, by their base name, and a zip's
 * declared sizes are checked before anything is inflated, so a hostile archive cannot fill memory.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import AdmZip from "adm-zip";
import type { DirectoryFormat } from "../contracts/directory.contract.js";
import { AppError } from "../platform/errors/app-error.js";

/** Every CSV together may hold at most this many bytes (a large secondary's bundle is a few MB). */
const maxBundleBytes = 200 * 1024 * 1024;

export interface BundleOnDisk {
  files: Record<string, string>;
  /** The format the path suggests: a folder or zip is OneRoster, a single CSV the simple format. */
  format: DirectoryFormat;
}

/** The CSV texts at `path`. */
export async function readBundlePath(path: string): Promise<BundleOnDisk> {
  const info = await stat(path).catch(() => {
    throw new AppError("validation_failed", `There is no file or folder at ${path}.`);
  });
  if (info.isDirectory()) return { files: await readFolder(path), format: "oneroster" };
  if (extname(path).toLowerCase() === ".zip")
    return { files: readZip(await readFile(path), path), format: "oneroster" };
  return { files: { [basename(path)]: await readFile(path, "utf8") }, format: "csv" };
}

async function readFolder(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder)).filter((name) => name.toLowerCase().endsWith(".csv")).sort();
  if (names.length === 0)
    throw new AppError("validation_failed", `The folder ${folder} holds no .csv files.`);
  const files: Record<string, string> = {};
  for (const name of names) files[name] = await readFile(join(folder, name), "utf8");
  return files;
}

/** The CSV entries of a zip archive, by base name. */
export function readZip(archive: Buffer, label: string): Record<string, string> {
  let entries: AdmZip.IZipEntry[];
  try {
    entries = new AdmZip(archive).getEntries();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("validation_failed", `${label} cannot be read as a zip archive: ${reason}`);
  }
  const csv = entries.filter((entry) => !entry.isDirectory && entry.entryName.toLowerCase().endsWith(".csv"));
  const declared = csv.reduce((sum, entry) => sum + entry.header.size, 0);
  if (declared > maxBundleBytes) {
    throw new AppError(
      "validation_failed",
      `${label} would unpack to ${declared} bytes of CSV; the limit is ${maxBundleBytes}.`,
    );
  }
  if (csv.length === 0) throw new AppError("validation_failed", `${label} holds no .csv files.`);
  const files: Record<string, string> = {};
  for (const entry of csv) {
    const name = basename(entry.entryName);
    if (name in files) throw new AppError("validation_failed", `${label} holds two files called ${name}.`);
    files[name] = entry.getData().toString("utf8");
  }
  return files;
}

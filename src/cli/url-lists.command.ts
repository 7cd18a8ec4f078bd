/**
 * `vigil url-lists import|status`: a network manager brings in the school's own copy of the UT1
 * lists (a folder or blacklists.tar.gz), and sees which lists Vigil is using.
 */
import type { Command } from "commander";
import { importUrlLists, urlListsStatus, type UrlListCounts } from "../library/import-url-lists.js";
import type { Ut1Progress } from "../library/read-ut1-lists.js";
import { importedUrlListPaths } from "../library/shipped-url-lookup.js";
import { loadConfig } from "../platform/config/load-config.js";
import { usageError } from "./cli-errors.js";

const number = new Intl.NumberFormat("en-GB");
// Progress is for imports long enough to wonder about; a small one just finishes.
const PROGRESS_EVERY_MS = 1000;

/** Adds the `url-lists` command group. */
export function addUrlListsCommand(program: Command): void {
  const urlLists = program
    .command("url-lists")
    .description("Import UT1 URL category lists and see which lists are in use");
  urlLists
    .command("import")
    .description("Import UT1 lists into the data folder, in place of the shipped ones")
    .argument("<path>", "a folder of <category>/domains and urls files, or UT1's blacklists.tar.gz")
    .option("--all", "every category present (default: the school-relevant set Vigil ships)")
    .option("--categories <names>", "only these categories, comma-separated (e.g. gambling,drogue)")
    .action(async (path: string, options: { all?: boolean; categories?: string }) => {
      const categories = options.categories
        ?.split(",")
        .map((name) => name.trim())
        .filter(Boolean);
      if (options.all && categories) throw usageError("Give either --all or --categories, not both.");
      if (categories?.length === 0)
        throw usageError("--categories needs at least one name, e.g. gambling,drogue.");
      const { dataDir } = loadConfig();
      process.stderr.write(`Reading UT1 lists from ${path}...\n`);
      const manifest = await importUrlLists(path, dataDir, {
        selection: categories ? { categories } : { all: options.all === true },
        onProgress: progressPrinter(),
      });
      const totals = sum(manifest.lists);
      process.stdout.write(
        `Imported ${manifest.lists.length} lists (${number.format(totals.domains)} domains, ${number.format(totals.urls)} URL prefixes) into ${importedUrlListPaths(dataDir).bundle}.\n` +
          "`vigil categorise` now uses them in place of the shipped UT1 lists; `vigil url-lists status` shows them.\n",
      );
    });
  urlLists
    .command("status")
    .description("Show which URL lists are in use (shipped or imported), with counts")
    .action(() => {
      const { dataDir } = loadConfig();
      const status = urlListsStatus(dataDir);
      const lines =
        status.origin === "shipped"
          ? [
              `UT1 lists: shipped with Vigil (no import in ${importedUrlListPaths(dataDir).dir}).`,
              "Import a newer or fuller copy with `vigil url-lists import <folder or blacklists.tar.gz>`.",
            ]
          : [
              status.imported
                ? `UT1 lists: imported from ${status.imported.source} on ${status.imported.importedAt}.`
                : "UT1 lists: imported (its manifest is missing or unreadable; import again to restore it).",
              `To go back to the shipped lists, delete ${importedUrlListPaths(dataDir).dir}.`,
            ];
      const totals = sum(status.lists);
      lines.push(
        `Files: ${status.files.join(", ")}`,
        `${status.lists.length} lists, ${number.format(totals.domains)} domains, ${number.format(totals.urls)} URL prefixes:`,
        ...status.lists.map(
          (list) =>
            `  ${list.source}/${list.category} -> ${list.vigil} (${list.kind}): ${number.format(list.domains)} domains, ${number.format(list.urls)} URL prefixes${list.note ? ` (${list.note})` : ""}`,
        ),
      );
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}

function sum(lists: readonly UrlListCounts[]): { domains: number; urls: number } {
  return lists.reduce(
    (total, list) => ({ domains: total.domains + list.domains, urls: total.urls + list.urls }),
    {
      domains: 0,
      urls: 0,
    },
  );
}

/** Prints categories done and domains so far once a second; a quick import prints nothing. */
function progressPrinter(): (progress: Ut1Progress) => void {
  let lastShown = performance.now();
  let shown = false;
  return (progress) => {
    const finished = progress.done === progress.total;
    if (finished ? !shown : performance.now() - lastShown < PROGRESS_EVERY_MS) return;
    shown = true;
    lastShown = performance.now();
    process.stderr.write(
      `  ${progress.done}/${progress.total} categories, ${number.format(progress.domains)} domains so far\n`,
    );
  };
}

/**
 * Reads a devices CSV (name, kind, hostname, mac, assigned_to): the school's shared, assigned and
 * personal devices and who has each. Headers are matched without case; every bad cell is named.
 */
import { deviceCsvColumns, deviceKinds } from "../../contracts/directory.contract.js";
import { optionalTextCell, textCell } from "./cell-checks.js";
import { readCsvTable } from "./csv-table.js";
import { normaliseIdentifier, type DeviceRecord, type DirectorySnapshot } from "./directory-snapshot.js";
import { ImportProblems } from "./import-problems.js";

const hint = `The devices CSV needs a header row; columns: ${deviceCsvColumns.join(", ")} (kind: ${deviceKinds.join(", ")}).`;
const macPattern = /^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$/i;

/** The devices in `text`; a device is found again by its name, so a re-import updates it. */
export function readDeviceCsv(file: string, text: string): DirectorySnapshot {
  const problems = new ImportProblems();
  const table = readCsvTable(file, text, ["name", "kind"], problems, (name) =>
    name.toLowerCase().replace(/[\s-]+/g, "_"),
  );
  for (const column of table?.columns ?? []) {
    if (!(deviceCsvColumns as readonly string[]).includes(column)) {
      problems.add(file, 1, column, `unknown column "${column}"`);
    }
  }
  const devices: DeviceRecord[] = [];
  const lineOf = new Map<string, number>();
  for (const row of table?.rows ?? []) {
    const name = textCell(row, file, "name", problems, 100);
    const earlier = lineOf.get(name.toLowerCase());
    if (name !== "" && earlier !== undefined) {
      problems.add(file, row.line, "name", `duplicate device "${name}": line ${earlier} has it too`);
    }
    lineOf.set(name.toLowerCase(), row.line);
    const kind = row.cell("kind").toLowerCase();
    if (!(deviceKinds as readonly string[]).includes(kind)) {
      problems.add(
        file,
        row.line,
        "kind",
        `kind must be ${deviceKinds.join(", ")}, not "${row.cell("kind")}"`,
      );
    }
    const mac = row.cell("mac");
    if (mac !== "" && !macPattern.test(mac)) {
      problems.add(file, row.line, "mac", `"${mac}" is not a MAC address such as 00:1a:2b:3c:4d:5e`);
    }
    const assignedTo = optionalTextCell(row, file, "assigned_to", problems);
    if (kind === "assigned" && assignedTo === null) {
      problems.add(file, row.line, "assigned_to", "an assigned device needs the username of who has it");
    }
    devices.push({
      name,
      kind: kind as DeviceRecord["kind"],
      hostname: optionalTextCell(row, file, "hostname", problems)?.toLowerCase() ?? null,
      mac: mac === "" ? null : mac.toLowerCase().replaceAll("-", ":"),
      assignedTo: assignedTo === null ? null : normaliseIdentifier(assignedTo),
      source: { file, line: row.line },
    });
  }
  if (table && table.rows.length === 0) problems.add(file, 0, "", "the file has a header row but no devices");
  problems.refuseIfAny(hint);
  return { format: "devices", full: false, orgs: [], pupils: [], staff: [], devices, ignored: 0 };
}

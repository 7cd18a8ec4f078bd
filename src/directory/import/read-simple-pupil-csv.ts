/**
 * Reads the simple pupil CSV (one row per pupil: username, given_name, family_name, year_group,
 * form, sen, eal, date_joined, and optionally email) for schools whose MIS exports only that. It
 * is always the full list: a pupil missing from it has left. Headers are matched without case.
 */
import { simplePupilCsvColumns } from "../../contracts/directory.contract.js";
import { dateCell, emailCell, flagCell, optionalTextCell, textCell } from "./cell-checks.js";
import { readCsvTable } from "./csv-table.js";
import { normaliseIdentifier, type DirectorySnapshot, type PupilRecord } from "./directory-snapshot.js";
import { checkDuplicateIdentifiers } from "./duplicate-identifiers.js";
import { ImportProblems } from "./import-problems.js";

const hint = `The simple CSV needs a header row; columns: ${simplePupilCsvColumns.join(", ")} (dates as YYYY-MM-DD, flags as yes or no).`;

/** The snapshot a simple pupil CSV describes; the key of each pupil is their username. */
export function readSimplePupilCsv(file: string, text: string): DirectorySnapshot {
  const problems = new ImportProblems();
  const table = readCsvTable(file, text, ["username", "given_name", "family_name"], problems, (name) =>
    name.toLowerCase().replace(/[\s-]+/g, "_"),
  );
  const pupils: PupilRecord[] = [];
  const lineOf = new Map<string, number>();
  for (const column of table?.columns ?? []) {
    if (!(simplePupilCsvColumns as readonly string[]).includes(column)) {
      problems.add(file, 1, column, `unknown column "${column}"`);
    }
  }
  for (const row of table?.rows ?? []) {
    const username = normaliseIdentifier(textCell(row, file, "username", problems, 200));
    const earlier = lineOf.get(username);
    if (username !== "" && earlier !== undefined) {
      problems.add(
        file,
        row.line,
        "username",
        `duplicate username "${username}": line ${earlier} has it too`,
      );
      continue;
    }
    lineOf.set(username, row.line);
    const email = emailCell(row, file, "email", problems);
    const identifiers = [{ identifier: username, kind: "username" }];
    if (email !== null && email !== username) identifiers.push({ identifier: email, kind: "email" });
    pupils.push({
      externalId: `username:${username}`,
      givenName: textCell(row, file, "given_name", problems),
      familyName: textCell(row, file, "family_name", problems),
      identifiers: username === "" ? [] : identifiers,
      orgIds: undefined,
      leftOn: null,
      source: { file, line: row.line },
      yearGroup: optionalTextCell(row, file, "year_group", problems, 50),
      form: optionalTextCell(row, file, "form", problems, 100),
      sen: flagCell(row, file, "sen", problems),
      eal: flagCell(row, file, "eal", problems),
      joinedOn: dateCell(row, file, "date_joined", problems),
    });
  }
  if (table && table.rows.length === 0) problems.add(file, 0, "", "the file has a header row but no pupils");
  checkDuplicateIdentifiers(pupils, problems);
  problems.refuseIfAny(hint);
  return { format: "csv", full: true, orgs: [], pupils, staff: [], devices: [], ignored: 0 };
}

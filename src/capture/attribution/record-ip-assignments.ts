/**
 * Records who held which IP address when (a CSV import, DHCP leases or logon events from the API),
 * all or nothing, audited in the same transaction with the row count.
 */
import {
  IpAssignmentSchema,
  ipAssignmentMaxRows,
  ipAssignmentSources,
  type IpAssignment,
} from "../../contracts/ip-assignment.contract.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError, validationError } from "../../platform/errors/app-error.js";
import { insertIpAssignments } from "./ip-assignment.repository.js";

/** Validates every row, then stores them all for `schoolId`; returns how many were stored. */
export async function recordIpAssignments(
  ctx: WriteContext,
  schoolId: string,
  rows: readonly unknown[],
): Promise<number> {
  if (rows.length > ipAssignmentMaxRows) {
    throw new AppError(
      "payload_too_large",
      `At most ${ipAssignmentMaxRows} IP assignments can be recorded at once; ${rows.length} were given.`,
      { hint: "Split the file or the request into smaller parts." },
    );
  }
  const valid: IpAssignment[] = [];
  const issues: { path: PropertyKey[]; message: string }[] = [];
  rows.forEach((row, index) => {
    const parsed = IpAssignmentSchema.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else for (const issue of parsed.error.issues) issues.push({ ...issue, path: [index, ...issue.path] });
  });
  if (issues.length > 0) throw validationError(issues, "The IP assignments");

  await insertIpAssignments(ctx.trx, ctx.capabilities, schoolId, valid);
  const sources = Object.fromEntries(
    ipAssignmentSources
      .map((source) => [source, valid.filter((row) => row.source === source).length] as const)
      .filter(([, count]) => count > 0),
  );
  await appendAudit(ctx, {
    event: "attribution.imported",
    schoolId,
    subject: { type: "school", id: schoolId },
    data: { rows: valid.length, sources },
  });
  return valid.length;
}

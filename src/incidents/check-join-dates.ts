/**
 * Refuses an incident date before a pupil involved joined the school: a date typed wrongly
 * (a year out, day and month swapped) is caught while the person entering it still remembers.
 * Pupils are matched through the directory by the user name capture sees.
 */
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";

/** Throws `validation_failed` naming the pupil and their joining date. */
export async function checkJoinDates(
  ctx: WriteContext,
  schoolId: string,
  incidentDate: string,
  people: readonly { kind: string; userName?: string | null | undefined }[],
): Promise<void> {
  const userNames = people.flatMap((p) =>
    p.kind === "pupil" && p.userName ? [p.userName.toLowerCase()] : [],
  );
  if (userNames.length === 0) return;
  const joined = await ctx.trx
    .selectFrom("directory_identifiers")
    .innerJoin("pupils", "pupils.id", "directory_identifiers.person_id")
    .select(["directory_identifiers.identifier", "pupils.joined_on"])
    .where("directory_identifiers.school_id", "=", schoolId)
    .where("directory_identifiers.person_kind", "=", "pupil")
    .where("directory_identifiers.identifier", "in", userNames)
    .execute();
  const day = incidentDate.slice(0, 10);
  const early = joined.find((row) => row.joined_on !== null && day < row.joined_on);
  if (early) {
    throw new AppError(
      "validation_failed",
      `incidentDate ${day} is before ${early.identifier} joined the school on ${early.joined_on ?? ""}.`,
      {
        fields: [{ path: "incidentDate", message: "before the pupil joined the school" }],
        hint: "Check the year and the order of day and month.",
      },
    );
  }
}

/**
 * The reviewer signs the termly access review off. The report is rebuilt at signing and must hash
 * to what the reviewer read (apart from its generation time), so a sign-off is for exactly the
 * access they saw; the report and its hash are kept, and the hash goes into the audit chain.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { canonicalJson } from "../platform/audit/canonical-json.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { AccessReviewReport } from "../contracts/access-governance.contract.js";
import { buildAccessReview } from "./build-access-review.js";

/** The hash a reviewer signs: the report without the moment it was generated. */
export function accessReviewHash(report: AccessReviewReport): string {
  const { generatedAt: _generatedAt, ...content } = report;
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** Records the sign-off; refuses when access changed since the reviewer's copy was made. */
export async function signOffAccessReview(
  ctx: WriteContext,
  input: { schoolId: string; reviewerId: string; reportSha256: string; note: string | null },
  now = new Date(),
): Promise<{ id: string; reportSha256: string }> {
  const report = await buildAccessReview(ctx.trx, input.schoolId, now);
  const hash = accessReviewHash(report);
  if (hash !== input.reportSha256) {
    throw new AppError("conflict", "Access has changed since this copy of the review was made.", {
      hint: "Open the review again, check it, and sign off the new copy.",
    });
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("access_reviews")
    .values({
      id,
      school_id: input.schoolId,
      reviewer_id: input.reviewerId,
      signed_at: now.toISOString(),
      report: canonicalJson(report),
      report_sha256: hash,
      note: input.note,
    })
    .execute();
  await appendAudit(ctx, {
    event: "access-review.signed-off",
    schoolId: input.schoolId,
    subject: { type: "access-review", id },
    data: { reportSha256: hash, people: report.people.length, flagged: report.flagged },
  });
  return { id, reportSha256: hash };
}

/** Past sign-offs of a school, newest first (without the stored reports). */
export async function findAccessReviewSignOffs(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom("access_reviews")
    .innerJoin("users", "users.id", "access_reviews.reviewer_id")
    .select([
      "access_reviews.id",
      "access_reviews.signed_at",
      "access_reviews.report_sha256",
      "access_reviews.note",
      "users.display_name as reviewer",
    ])
    .where("access_reviews.school_id", "=", schoolId)
    .orderBy("access_reviews.signed_at", "desc")
    .execute();
}

/**
 * What classes.csv and enrollments.csv say about each person: the form (their homeroom class),
 * the year group that class is for, when they joined, and whether every enrolment has ended.
 */
import { dateCell } from "./cell-checks.js";
import type { CsvTable } from "./csv-table.js";
import type { ImportProblems } from "./import-problems.js";

export interface Enrolment {
  form: string | null;
  yearGroup: string | null;
  beganOn: string | null;
  /** The last end date, when every current enrolment has ended before today; otherwise null. */
  endedOn: string | null;
}

export type Enrolments = ReadonlyMap<string, Enrolment>;

const enrolmentRoles = new Set([
  "student",
  "teacher",
  "administrator",
  "aide",
  "proctor",
  "guardian",
  "parent",
  "relative",
]);

/** Each user's enrolment facts, by user sourcedId; references to unknown classes or users are problems. */
export function readEnrolments(
  classes: CsvTable | undefined,
  enrollments: CsvTable | undefined,
  userIds: ReadonlySet<string>,
  today: string,
  problems: ImportProblems,
): Enrolments {
  const homerooms = new Map<string, { title: string; grade: string | null }>();
  const classIds = new Set<string>();
  for (const row of classes?.rows ?? []) {
    const id = row.cell("sourcedId");
    if (id === "") problems.add("classes.csv", row.line, "sourcedId", "sourcedId is required");
    classIds.add(id);
    const type = row.cell("classType");
    if (type !== "homeroom" && type !== "scheduled") {
      problems.add(
        "classes.csv",
        row.line,
        "classType",
        `classType must be homeroom or scheduled, not "${type}"`,
      );
    }
    if (type === "homeroom") {
      const grade = row.cell("grades").split(",")[0]?.trim() ?? "";
      homerooms.set(id, { title: row.cell("title").slice(0, 100), grade: grade === "" ? null : grade });
    }
  }
  const spans = new Map<
    string,
    { form: string | null; yearGroup: string | null; begins: string[]; ends: (string | null)[] }
  >();
  for (const row of enrollments?.rows ?? []) {
    const file = "enrollments.csv";
    if (row.cell("status") === "tobedeleted") continue;
    const classId = row.cell("classSourcedId");
    const userId = row.cell("userSourcedId");
    if (!classIds.has(classId))
      problems.add(file, row.line, "classSourcedId", `no class "${classId}" in classes.csv`);
    if (!userIds.has(userId))
      problems.add(file, row.line, "userSourcedId", `no user "${userId}" in users.csv`);
    if (!enrolmentRoles.has(row.cell("role")))
      problems.add(file, row.line, "role", `unknown role "${row.cell("role")}"`);
    const begin = dateCell(row, file, "beginDate", problems);
    const end = dateCell(row, file, "endDate", problems);
    const span = spans.get(userId) ?? { form: null, yearGroup: null, begins: [], ends: [] };
    const homeroom = homerooms.get(classId);
    if (homeroom && (end === null || end >= today)) {
      span.form = homeroom.title;
      span.yearGroup = homeroom.grade;
    }
    if (begin !== null) span.begins.push(begin);
    span.ends.push(end);
    spans.set(userId, span);
  }
  const enrolments = new Map<string, Enrolment>();
  for (const [userId, span] of spans) {
    const ended = span.ends.length > 0 && span.ends.every((end) => end !== null && end < today);
    enrolments.set(userId, {
      form: span.form,
      yearGroup: span.yearGroup,
      beganOn: span.begins.sort()[0] ?? null,
      endedOn: ended ? ((span.ends as string[]).sort().at(-1) ?? null) : null,
    });
  }
  return enrolments;
}

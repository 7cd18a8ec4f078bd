import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors/app-error.js";
import { elmBundle, elmUsers } from "../test-support/oneroster-fixtures.js";
import { readOneRosterBundle } from "./read-oneroster-bundle.js";

const today = "2026-03-01";

/** The `fields` of the error a bundle is refused with. */
function refusal(files: Record<string, string>): { path: string; message: string }[] {
  try {
    readOneRosterBundle(files, today);
  } catch (error) {
    if (error instanceof AppError) return error.details.fields ?? [];
    throw error;
  }
  throw new Error("the bundle was accepted");
}

describe("reading a OneRoster 1.1 bundle", () => {
  it("refuses a bundle without its required files, naming each", () => {
    const { "manifest.csv": _manifest, "users.csv": _users, ...rest } = elmBundle();
    expect(refusal(rest).map((field) => field.path)).toEqual(["manifest.csv", "users.csv"]);
  });

  it("names each bad row by file, line and column: unknown role, invalid email, duplicate username", () => {
    const fields = refusal(
      elmBundle({
        users: {
          "stu-2": "stu-2,,,true,org-elm,pupil,apatel,,Asha,Patel,,,,,,,08,",
          "tea-1": "tea-1,,,true,org-elm,teacher,mjones,,Mary,Jones,,,not-an-email,,,,,",
          "stu-4": "stu-4,,,true,org-elm,student,JSmith,,Jack,Smithson,,,,,,,07,",
        },
      }),
    );
    expect(fields).toContainEqual({
      path: "users.csv line 3, role",
      message: 'unknown role "pupil": use student, teacher, administrator, aide or proctor',
    });
    expect(fields).toContainEqual({
      path: "users.csv line 5, email",
      message: '"not-an-email" is not a valid email address',
    });
    expect(fields).toContainEqual({
      path: "users.csv line 7, username",
      message: 'duplicate username "jsmith": line 2 has it too',
    });
    // stu-2's enrolment now points at a user the directory does not take, which is not a problem in itself.
    expect(fields).toHaveLength(3);
  });

  it("names a missing column, a wrong version and a dangling enrolment", () => {
    const bundle = elmBundle({ enrolments: { x: "enr-9,,,cls-zz,org-elm,stu-9,student,,2025-09-03," } });
    bundle["manifest.csv"] = bundle["manifest.csv"]!.replace(
      "oneroster.version,1.1",
      "oneroster.version,1.2",
    );
    bundle["orgs.csv"] = "sourcedId,title,type\norg-elm,Elm Academy,school\n";
    expect(refusal(bundle)).toEqual([
      { path: "manifest.csv line 3, value", message: 'oneroster.version is "1.2"; Vigil reads 1.1' },
      { path: "orgs.csv line 1, name", message: 'the column "name" is required' },
      { path: "enrollments.csv line 6, classSourcedId", message: 'no class "cls-zz" in classes.csv' },
      { path: "enrollments.csv line 6, userSourcedId", message: 'no user "stu-9" in users.csv' },
    ]);
  });

  it("reads pupils with year group, form, identifiers and joining date; staff with email; skips guardians", () => {
    const snapshot = readOneRosterBundle(elmBundle(), today);
    expect(snapshot.full).toBe(true);
    expect(snapshot.ignored).toBe(1);
    expect(snapshot.orgs).toEqual([
      { sourcedId: "org-trust", name: "Elm Trust" },
      { sourcedId: "org-elm", name: "Elm Academy" },
    ]);
    const john = snapshot.pupils.find((pupil) => pupil.externalId === "stu-1");
    expect(john).toMatchObject({
      givenName: "John",
      familyName: "Smith",
      yearGroup: "07",
      form: "7A",
      joinedOn: "2025-09-03",
      leftOn: null,
      identifiers: [
        { identifier: "jsmith", kind: "username" },
        { identifier: "j.smith@elm.example", kind: "google" },
      ],
    });
    expect(snapshot.staff).toEqual([
      expect.objectContaining({ externalId: "tea-1", email: "m.jones@elm.example", role: "teacher" }),
    ]);
  });

  it("marks a pupil marked tobedeleted, or whose enrolments have all ended, as left", () => {
    const snapshot = readOneRosterBundle(
      elmBundle({
        users: { "stu-2": elmUsers["stu-2"]!.replace("stu-2,,", "stu-2,tobedeleted,") },
        enrolments: { "stu-3": "enr-3,,,cls-7a,org-elm,stu-3,student,,2025-09-03,2026-02-13" },
        delta: true,
      }),
      today,
    );
    expect(snapshot.full).toBe(false);
    const leftOn = Object.fromEntries(snapshot.pupils.map((pupil) => [pupil.externalId, pupil.leftOn]));
    expect(leftOn).toEqual({ "stu-1": null, "stu-2": today, "stu-3": "2026-02-13" });
  });
});

/**
 * The import readers never crash on any input: each call either returns a snapshot or throws a
 * `validation_failed` AppError whose every field names a file (and, for a row, its line).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors/app-error.js";
import { elmBundle } from "../test-support/oneroster-fixtures.js";
import { readOneRosterBundle } from "./read-oneroster-bundle.js";
import { readSimplePupilCsv } from "./read-simple-pupil-csv.js";

/** Either a snapshot, or a named refusal; anything else fails the property. */
function resultOrNamedErrors(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.id).toBe("validation_failed");
    const fields = appError.details.fields ?? [];
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field.path).toMatch(/\.csv( line \d+, .*|, .*)?$/);
  }
}

const csvish = fc.string({
  unit: fc.constantFrom(...'abc,"\n\r ;{}:@.-07\u00e9\u0000'.split("")),
  maxLength: 300,
});
const rowish = fc.array(
  fc.array(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("student", "teacher", "tobedeleted", "2025-09-03", "{LDAP:x}"),
    ),
    {
      maxLength: 20,
    },
  ),
  { maxLength: 8 },
);

describe("the CSV readers under fuzzing", () => {
  it("the simple pupil CSV reader returns or names its errors for any text", () => {
    fc.assert(
      fc.property(csvish, (text) => {
        resultOrNamedErrors(() => readSimplePupilCsv("pupils.csv", text));
      }),
      { numRuns: 500 },
    );
  });

  it("the simple pupil CSV reader returns or names its errors for any rows under a valid header", () => {
    fc.assert(
      fc.property(rowish, (rows) => {
        resultOrNamedErrors(() =>
          readSimplePupilCsv(
            "pupils.csv",
            [
              "username,given_name,family_name,year_group,form,sen,eal,date_joined,email",
              ...rows.map((row) => row.join(",")),
            ].join("\n"),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("the OneRoster reader returns or names its errors when any one file is replaced", () => {
    const names = Object.keys(elmBundle());
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.boolean(),
        fc.oneof(
          csvish,
          rowish.map((rows) => rows.map((row) => row.join(",")).join("\n")),
        ),
        (name, keepHeader, text) => {
          const bundle = elmBundle();
          const header = (bundle[name] ?? "").split("\n")[0] ?? "";
          bundle[name] = keepHeader ? `${header}\n${text}` : text;
          resultOrNamedErrors(() => readOneRosterBundle(bundle, "2026-03-01"));
        },
      ),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors/app-error.js";
import { simplePupilCsv } from "../test-support/oneroster-fixtures.js";
import { readSimplePupilCsv } from "./read-simple-pupil-csv.js";

describe("reading the simple pupil CSV", () => {
  it("refuses bad rows, naming line, column and reason", () => {
    const text = simplePupilCsv([
      "jsmith,John,Smith,7,7A,yes,no,2025-09-03,",
      "jsmith,Jack,Smithson,7,7B,no,no,2025-09-03,",
      "apatel,,Patel,8,8B,maybe,no,03/09/2025,asha@",
    ]);
    let fields: { path: string; message: string }[] = [];
    try {
      readSimplePupilCsv("pupils.csv", text);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      expect(error.message).toMatch(/^The import has 5 problem\(s\); nothing was imported\./);
      fields = error.details.fields ?? [];
    }
    expect(fields).toEqual([
      { path: "pupils.csv line 3, username", message: 'duplicate username "jsmith": line 2 has it too' },
      { path: "pupils.csv line 4, email", message: '"asha@" is not a valid email address' },
      { path: "pupils.csv line 4, given_name", message: "given_name is required" },
      { path: "pupils.csv line 4, sen", message: '"maybe" is not yes or no' },
      {
        path: "pupils.csv line 4, date_joined",
        message: '"03/09/2025" is not a date: write it as YYYY-MM-DD',
      },
    ]);
  });

  it("refuses an unknown column and a file without pupils", () => {
    expect(() => readSimplePupilCsv("p.csv", "username,given_name,family_name,shoe_size\n")).toThrow(
      /p.csv line 1, shoe_size: unknown column "shoe_size"; p.csv: the file has a header row but no pupils/,
    );
  });

  it("reads each pupil with flags, year group, form and identifiers (headers in any case)", () => {
    const snapshot = readSimplePupilCsv(
      "pupils.csv",
      "Username,Given Name,Family Name,Year Group,Form,SEN,EAL,Date Joined,Email\n" +
        "JSmith,John,Smith,7,7A,Y,n,2025-09-03,j.smith@elm.example\n",
    );
    expect(snapshot).toMatchObject({ format: "csv", full: true });
    expect(snapshot.pupils).toEqual([
      expect.objectContaining({
        externalId: "username:jsmith",
        yearGroup: "7",
        form: "7A",
        sen: true,
        eal: false,
        joinedOn: "2025-09-03",
        identifiers: [
          { identifier: "jsmith", kind: "username" },
          { identifier: "j.smith@elm.example", kind: "email" },
        ],
      }),
    ]);
  });
});

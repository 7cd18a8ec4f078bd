/**
 * The directory of pupils, staff and devices: the import request (the CSV texts of a OneRoster 1.1
 * bundle or of a simple pupil CSV), its report, and the pupil and device lists. Free of
 * server-only imports, so the console can use it for its forms.
 */
import { z } from "zod";

export const directoryLimits = {
  /** Every file of one import together, leaving room under the 5 MB body limit for JSON escaping. */
  importMaxChars: 3_500_000,
  filesMax: 20,
  fileNameMaxLength: 100,
  pageDefault: 50,
  pageMax: 200,
  searchMaxLength: 100,
  /** Bad rows listed in a refusal; the rest are counted. */
  problemsListed: 50,
} as const;

export const directoryFormats = ["oneroster", "csv", "devices"] as const;
export type DirectoryFormat = (typeof directoryFormats)[number];

/** The devices CSV's columns: `assigned_to` is a username or email of a pupil or member of staff. */
export const deviceCsvColumns = ["name", "kind", "hostname", "mac", "assigned_to"] as const;
export const deviceKinds = ["shared", "assigned", "personal"] as const;

/** The simple CSV's columns, for schools whose MIS exports only one row per pupil. */
export const simplePupilCsvColumns = [
  "username",
  "given_name",
  "family_name",
  "year_group",
  "form",
  "sen",
  "eal",
  "date_joined",
  "email",
] as const;

export const DirectoryImportRequestSchema = z
  .object({
    format: z.enum(directoryFormats, { error: `format must be one of ${directoryFormats.join(", ")}` }),
    /** File name to CSV text: manifest.csv, orgs.csv, users.csv, ... or one pupils CSV. */
    files: z
      .record(
        z.string().min(1).max(directoryLimits.fileNameMaxLength, "file names are at most 100 characters"),
        z.string({ error: "each file must be CSV text" }),
        { error: "files must map file names to CSV text" },
      )
      .refine((files) => Object.keys(files).length > 0, "send at least one file")
      .refine((files) => Object.keys(files).length <= directoryLimits.filesMax, "too many files")
      .refine(
        (files) =>
          Object.values(files).reduce((sum, text) => sum + text.length, 0) <= directoryLimits.importMaxChars,
        "the files together are too large (at most 3.5 MB): use `vigil directory import` for a bigger bundle",
      ),
    dryRun: z.boolean({ error: "dryRun must be true or false" }).default(false),
    /** The bundle's org for this school, when its name does not match the school's. */
    orgSourcedId: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type DirectoryImportRequest = z.infer<typeof DirectoryImportRequestSchema>;

const counts = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  left: z.number().int(),
  unchanged: z.number().int(),
});

export const DirectoryImportReportSchema = z.object({
  format: z.enum(directoryFormats),
  dryRun: z.boolean(),
  /** A full import: whoever is missing from it has left. */
  full: z.boolean(),
  org: z.object({ sourcedId: z.string(), name: z.string() }).nullable(),
  added: z.number().int(),
  changed: z.number().int(),
  left: z.number().int(),
  unchanged: z.number().int(),
  pupils: counts,
  staff: counts,
  devices: counts,
  /** Rows the directory does not keep (parents, guardians). */
  ignored: z.number().int(),
  /** Staff leavers whose Vigil accounts were disabled, or whose roles here were removed. */
  accountsDisabled: z.number().int(),
  rolesRemoved: z.number().int(),
});
export type DirectoryImportReport = z.infer<typeof DirectoryImportReportSchema>;

export const pupilStatuses = ["active", "left", "all"] as const;

const optionalText = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(
      directoryLimits.searchMaxLength,
      `${what} must be at most ${directoryLimits.searchMaxLength} characters`,
    )
    .optional()
    .transform((value) => (value ? value : undefined));

export const PupilListQuerySchema = z.object({
  q: optionalText("The search"),
  yearGroup: optionalText("The year group"),
  form: optionalText("The form"),
  status: z.enum(pupilStatuses, { error: "status must be active, left or all" }).default("active"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(directoryLimits.pageMax, `limit must be at most ${directoryLimits.pageMax}`)
    .default(directoryLimits.pageDefault),
});
export type PupilListQuery = z.infer<typeof PupilListQuerySchema>;

export const DirectorySchoolParamsSchema = z.object({
  schoolId: z.uuid({ error: "The school id must be a UUID" }),
});
export const PupilParamsSchema = DirectorySchoolParamsSchema.extend({
  pupilId: z.uuid({ error: "The pupil id must be a UUID" }),
});
export const DeviceParamsSchema = DirectorySchoolParamsSchema.extend({
  deviceId: z.uuid({ error: "The device id must be a UUID" }),
});

export type PupilSummary = {
  id: string;
  givenName: string;
  familyName: string;
  yearGroup: string | null;
  form: string | null;
  sen: boolean;
  eal: boolean;
  joinedOn: string | null;
  leftOn: string | null;
  status: "active" | "left";
  identifiers: string[];
};

export type DeviceSummary = {
  id: string;
  name: string;
  kind: "shared" | "assigned" | "personal";
  hostname: string | null;
  mac: string | null;
  pupilId: string | null;
  staffId: string | null;
};

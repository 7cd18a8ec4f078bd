// The phrase-file and profiles-file formats (library/README.md), as Zod schemas.
import { z } from "zod";
import { AGE_BANDS, CATEGORIES } from "./rule.js";

/** `within:` when a co-occurrence entry leaves it out. */
export const DEFAULT_WITHIN = 10;

const TermSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .refine((term) => !term.slice(1, -1).includes("*"), "a wildcard `*` may only start or end a term")
  .refine((term) => term.replaceAll("*", "").trim().length > 0, "must contain more than a wildcard");

const ExampleListSchema = z.array(z.string().min(1).max(2000)).min(1, "needs at least one example");

export const EntrySchema = z
  .strictObject({
    // `id: 420` arrives as a number from YAML; an id is a label, so accept it as text.
    id: z.union([z.string(), z.number().int().nonnegative().transform(String)]).pipe(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9_-]*$/, "use lower-case letters, digits, `-` and `_` (no dots or spaces)")
        .max(80),
    ),
    phrase: TermSchema.optional(),
    all: z.array(TermSchema).min(2, "`all` needs at least two terms").max(8).optional(),
    within: z.number().int().min(1).max(100).optional(),
    weight: z.number().int().min(-100).max(200),
    severity: z.number().int().min(1).max(5).optional(),
    note: z.string().optional(),
    unless: z.array(TermSchema).max(50).optional(),
    ages: z.array(z.enum(AGE_BANDS)).min(1).optional(),
    examples: z.strictObject({ match: ExampleListSchema, clear: ExampleListSchema }),
  })
  .superRefine((entry, ctx) => {
    if ((entry.phrase === undefined) === (entry.all === undefined)) {
      ctx.addIssue({ code: "custom", message: "give exactly one of `phrase` or `all`", path: ["phrase"] });
    }
    if (entry.within !== undefined && entry.all === undefined) {
      ctx.addIssue({ code: "custom", message: "`within` only applies to `all`", path: ["within"] });
    }
    if (entry.weight > 0 && entry.severity === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "a positive weight needs a severity (1-5)",
        path: ["severity"],
      });
    }
  });

export type Entry = z.infer<typeof EntrySchema>;

export const PhraseFileSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, "use a lower-case language code (en, pl, pa)"),
  category: z.enum(CATEGORIES),
  entries: z.array(z.unknown()),
});

export const ProfilesFileSchema = z.strictObject({
  default: z.enum(AGE_BANDS),
  profiles: z.record(
    z.enum(AGE_BANDS),
    z.strictObject({
      threshold: z.number().int().min(1).max(10_000),
      categories: z.partialRecord(z.enum(CATEGORIES), z.number().int().min(1).max(10_000)).optional(),
      note: z.string().optional(),
    }),
  ),
});

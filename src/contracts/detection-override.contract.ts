/** Creating a school override of the phrase library: an added term, an allowed term, or a suppression. */
import { z } from "zod";
import { CATEGORIES } from "../detection/index.js";

const phrase = z
  .string({ error: "phrase is required" })
  .trim()
  .min(1, "phrase is required")
  .max(200, "phrase must be at most 200 characters")
  .refine((term) => !term.slice(1, -1).includes("*"), "a wildcard `*` may only start or end the phrase");

const common = {
  reason: z.string({ error: "a reason is required" }).trim().min(3, "say why, in a few words").max(500),
  expiresAt: z.iso
    .datetime({ error: "expiresAt must be an ISO date-time, e.g. 2027-07-31T00:00:00Z" })
    .optional(),
};

export const DetectionOverrideCreateSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("local-term"),
      phrase,
      category: z.enum(CATEGORIES, { error: `category must be one of ${CATEGORIES.join(", ")}` }),
      weight: z.number().int().min(-100).max(200),
      severity: z.number().int().min(1).max(5),
      ...common,
    }),
    z.object({ kind: z.literal("allowed-term"), phrase, ...common }),
    z.object({
      kind: z.literal("suppression"),
      ruleId: z.string({ error: "ruleId is required" }).min(1, "ruleId is required"),
      site: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9.-]+$/, "site must be a host name such as example.com")
        .optional(),
      user: z.string().trim().min(1).max(200).optional(),
      ...common,
    }),
  ],
  { error: "kind must be local-term, allowed-term or suppression" },
);

export type DetectionOverrideCreate = z.infer<typeof DetectionOverrideCreateSchema>;

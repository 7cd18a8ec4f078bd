/**
 * The `vigil scan --jsonl` contract. Outside tools depend on it: add optional fields only, never
 * rename or remove one. Input: one object per line; output: one object per input, in order.
 */
import { z } from "zod";
import { AGE_BANDS, type ScanResult } from "../detection/index.js";

export const scanTextMaxLength = 10 * 1024 * 1024;

export const ScanRequestSchema = z.object({
  id: z.union([z.string(), z.number()], { error: "id must be a string or a number" }),
  text: z.string({ error: "text must be a string" }).max(scanTextMaxLength, "text is over 10 MiB").optional(),
  url: z
    .string({ error: "url must be a string" })
    .max(64 * 1024, "url is over 64 KiB")
    .optional(),
  kind: z.string().optional(),
  lang: z.string().optional(),
  age: z.enum(AGE_BANDS, { error: `age must be one of ${AGE_BANDS.join(", ")}` }).optional(),
});

export type ScanRequest = z.infer<typeof ScanRequestSchema>;

export type ScanDecision = {
  id: string | number;
  flagged: boolean;
  severity: number;
  categories: { name: string; score: number; severity: number }[];
  matches: { rule: string; category: string; weight: number; start: number; end: number; text: string }[];
};

/** The contract's shape of a scan result. Cancelled matches are left out: they changed nothing. */
export function toScanDecision(id: string | number, result: ScanResult): ScanDecision {
  return {
    id,
    flagged: result.flagged,
    severity: result.severity,
    categories: result.categories.map((category) => ({
      name: category.category,
      score: category.score,
      severity: category.flagged ? category.severity : 0,
    })),
    matches: result.matches
      .filter((match) => match.cancelledBy === null)
      .map((match) => ({
        rule: match.ruleId,
        category: match.category,
        weight: match.weight,
        start: match.start,
        end: match.end,
        text: match.text,
      })),
  };
}

/**
 * The `vigil categorise --jsonl` contract: `{"id", "url"}` in, `{"id", "categories", "search"}`
 * out, one line per input, in order. Add optional fields only; never rename or remove one.
 */
import { z } from "zod";
import type { UrlCategorisation } from "../detection/urls/index.js";

export const CategoriseRequestSchema = z.object({
  id: z.union([z.string(), z.number()], { error: "id must be a string or a number" }),
  url: z.string({ error: "url must be a string" }).max(64 * 1024, "url is over 64 KiB"),
});

export type CategoriseDecision = {
  id: string | number;
  categories: string[];
  search: string | null;
  /** Where each category came from (the list and what matched), for people checking a decision. */
  lists: { category: string; source: string; list: string; matched: string }[];
  avoidance: string[];
};

/** The contract's shape of a categorisation: Vigil's category names, each once. */
export function toCategoriseDecision(id: string | number, result: UrlCategorisation): CategoriseDecision {
  return {
    id,
    categories: [...new Set(result.categories.map((hit) => hit.vigil))],
    search: result.search?.query ?? null,
    lists: result.categories.map((hit) => ({
      category: hit.vigil,
      source: hit.source,
      list: hit.list,
      matched: hit.matched,
    })),
    avoidance: [...new Set(result.avoidance.map((flag) => flag.kind))],
  };
}

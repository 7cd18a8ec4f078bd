/**
 * GET /api/v1/schools/:schoolId/phrase-library: the shipped phrase library as the console browses
 * it: rules by category, searched by id, phrase or note, each with its examples (what it should
 * and should not match). The library holds no pupil data, so reading it is not audited.
 */
import type { FastifyInstance } from "fastify";
import { SchoolParamsSchema } from "../../contracts/console.contract.js";
import {
  PhraseLibraryQuerySchema,
  settingsLimits,
  type PhraseLibraryView,
  type PhraseRuleView,
} from "../../contracts/console-settings.contract.js";
import type { Rule } from "../../detection/index.js";
import { shippedDetector } from "../../library/shipped-detector.js";
import { authorize } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import { parseInput } from "../../platform/http/parse-input.js";

/** Registers the phrase library route. */
export function registerPhraseLibraryRoutes(app: FastifyInstance): void {
  app.get("/api/v1/schools/:schoolId/phrase-library", access.to("detection.read"), (request) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const { category, q } = parseInput(PhraseLibraryQuerySchema, request.query, "The library search");
    authorize(request.context.principal, "detection.read", { schoolId });
    const { library } = shippedDetector().detector;
    const counts = new Map<string, number>();
    for (const rule of library.rules) counts.set(rule.category, (counts.get(rule.category) ?? 0) + 1);
    const needle = q?.toLowerCase();
    const matching = library.rules.filter(
      (rule) => (!category || rule.category === category) && (!needle || searchText(rule).includes(needle)),
    );
    const body: PhraseLibraryView = {
      version: library.version,
      categories: [...counts]
        .map(([name, rules]) => ({ category: name, rules }))
        .sort((a, b) => a.category.localeCompare(b.category)),
      rules: matching.slice(0, settingsLimits.libraryPageMax).map(viewOf),
      matching: matching.length,
    };
    return Promise.resolve(body);
  });
}

function searchText(rule: Rule): string {
  return [rule.id, rule.note ?? "", ...rule.terms.map((term) => term.source)].join("\n").toLowerCase();
}

function viewOf(rule: Rule): PhraseRuleView {
  return {
    id: rule.id,
    category: rule.category,
    terms: rule.terms.map((term) => term.source),
    weight: rule.weight,
    severity: rule.severity,
    ages: rule.ages ? [...rule.ages] : null,
    note: rule.note,
    examples: {
      match: rule.examples.match.map((example) => example.text),
      clear: rule.examples.clear.map((example) => example.text),
    },
  };
}

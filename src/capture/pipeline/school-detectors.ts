/**
 * The detector each school's events are scanned with: the shipped library with the school's
 * overrides on top. Built once per school and rebuilt after a minute, so a new override takes
 * effect without a restart and without a query per event.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Detector } from "../../detection/index.js";
import { withSchoolOverrides, type SchoolDetector } from "../../detection/overrides/with-school-overrides.js";
import { findOverridesInForce } from "../../overrides/detection-override.repository.js";
import { scopeOf } from "../../schools/school-scope.js";

const refreshEveryMs = 60_000;

export class SchoolDetectors {
  readonly #db: Kysely<Database>;
  readonly #base: Detector;
  readonly #cache = new Map<string, { detector: SchoolDetector; builtAt: number }>();

  constructor(db: Kysely<Database>, base: Detector) {
    this.#db = db;
    this.#base = base;
  }

  /** The school's detector, rebuilt when older than a minute. */
  async forSchool(schoolId: string, now = Date.now()): Promise<SchoolDetector> {
    const cached = this.#cache.get(schoolId);
    if (cached && now - cached.builtAt < refreshEveryMs) return cached.detector;
    // The pipeline acts for the school the event belongs to, so its scope is that school.
    const overrides = await findOverridesInForce(this.#db, scopeOf([schoolId]), schoolId, new Date(now));
    const detector = withSchoolOverrides(this.#base, overrides);
    this.#cache.set(schoolId, { detector, builtAt: now });
    return detector;
  }
}

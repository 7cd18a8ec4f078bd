/** Every migration in the order it applies. Append only: never edit or reorder a released one. */
import { foundation } from "./0001-foundation.js";
import { identity } from "./0002-identity.js";
import { detectionOverrides } from "./0003-detection-overrides.js";
import { capture } from "./0004-capture.js";
import { attribution } from "./0005-attribution.js";
import type { Migration } from "./migration.js";

export const allMigrations: readonly Migration[] = [
  foundation,
  identity,
  detectionOverrides,
  capture,
  attribution,
];

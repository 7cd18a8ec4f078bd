/** Every migration in the order it applies. Append only: never edit or reorder a released one. */
import { foundation } from "./0001-foundation.js";
import { identity } from "./0002-identity.js";
import { detectionOverrides } from "./0003-detection-overrides.js";
import { capture } from "./0004-capture.js";
import { attribution } from "./0005-attribution.js";
import { alertTriage } from "./0006-alert-triage.js";
import { notifications } from "./0007-notifications.js";
import { incidents } from "./0008-incidents.js";
import { consoleQueries } from "./0009-console-queries.js";
import { directory } from "./0010-directory.js";
import { singleSignOn } from "./0011-single-sign-on.js";
import { accessGovernance } from "./0012-access-governance.js";
import { alertAgeGroup } from "./0013-alert-age-group.js";
import { alertSubject } from "./0014-alert-subject.js";
import { leanerEventIndexes } from "./0015-leaner-event-indexes.js";
import { monitoringHoldRelease } from "./0017-monitoring-hold-release.js";
import { eventsIndexedWhenKnown } from "./0018-events-indexed-when-known.js";
import type { Migration } from "./migration.js";

export const allMigrations: readonly Migration[] = [
  foundation,
  identity,
  detectionOverrides,
  capture,
  attribution,
  alertTriage,
  notifications,
  incidents,
  consoleQueries,
  directory,
  singleSignOn,
  accessGovernance,
  alertAgeGroup,
  alertSubject,
  leanerEventIndexes,
  monitoringHoldRelease,
  eventsIndexedWhenKnown,
];

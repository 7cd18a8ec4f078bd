import { expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { inTransaction } from "../platform/context/write-context.js";
import { buildSchool, testActor } from "../test-support/builders.js";
import { closeIncident } from "./close-incident.js";
import { isInternetAccessWithdrawn } from "./due-actions.js";
import { incidentSummary } from "./incident-summary.js";
import { recordAction } from "./record-action.js";
import { buildIncident } from "./test-support/incident-builders.js";
import { scopeOf } from "../schools/school-scope.js";

forEachDialect("the dashboard's incident figures", (database) => {
  it("counts open incidents, overdue tasks and referral follow-ups due, per school", async () => {
    const { schoolId } = await buildSchool(database());
    const other = await buildSchool(database());
    const open = await buildIncident(database(), schoolId);
    const closed = await buildIncident(database(), schoolId);
    await buildIncident(database(), other.schoolId);
    await inTransaction(database(), { actor: testActor, ip: null }, async (ctx) => {
      const incident = { id: open, school_id: schoolId };
      await recordAction(ctx, incident, {
        kind: "task",
        description: "late",
        owner: "IT",
        dueOn: "2026-01-01",
      });
      await recordAction(ctx, incident, {
        kind: "task",
        description: "not yet",
        owner: "IT",
        dueOn: "2099-01-01",
      });
      await recordAction(ctx, incident, {
        kind: "referral",
        agency: "childrens-services",
        description: "MASH referral",
        happenedOn: "2026-01-01",
        followUpDueOn: "2026-01-08",
      });
      await recordAction(ctx, incident, {
        kind: "access-withdrawn",
        description: "a week",
        userName: "spupil",
        untilOn: "2099-01-01",
      });
      await closeIncident(ctx, scopeOf([schoolId]), { kind: "operator" }, closed, "done");
    });
    expect(await incidentSummary(database().db, schoolId)).toEqual({
      openIncidents: 1,
      overdueActions: 1,
      followUpsDue: 1,
    });
    expect(await incidentSummary(database().db, other.schoolId)).toEqual({
      openIncidents: 1,
      overdueActions: 0,
      followUpsDue: 0,
    });
    expect(await isInternetAccessWithdrawn(database().db, schoolId, "spupil")).toBe(true);
    expect(await isInternetAccessWithdrawn(database().db, schoolId, "spupil", "2099-01-02")).toBe(false);
  });
});

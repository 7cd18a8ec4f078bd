import { describe, expect, it } from "vitest";
import { ALERT_STATUSES } from "../contracts/alert.contract.js";
import { ruleOutcomeOf, transitionRefusal, triageStatuses } from "./alert-transitions.js";

describe("alert transitions", () => {
  it("refuses staying put, going back to new, and anything after an incident", () => {
    expect(transitionRefusal("in-review", "in-review")).toMatch(/already in-review/);
    expect(transitionRefusal("false-positive", "new")).toMatch(/reopen it as in-review/);
    expect(transitionRefusal("incident", "in-review")).toMatch(/incident now holds the decision/);
    expect(transitionRefusal("new", "incident")).toMatch(/incident log/);
    expect(transitionRefusal("no-action", "false-positive")).toMatch(/only be reopened as in-review/);
  });

  it("lets a new alert be reviewed or closed, and a closed alert be reopened", () => {
    expect(triageStatuses("new")).toEqual(["in-review", "false-positive", "no-action"]);
    expect(transitionRefusal("false-positive", "in-review")).toBeNull();
    expect(transitionRefusal("no-action", "in-review")).toBeNull();
    expect(triageStatuses("incident")).toEqual([]);
  });

  it("counts a false positive against a rule and every other decision for it", () => {
    expect(ALERT_STATUSES.map(ruleOutcomeOf)).toEqual([
      null,
      "confirmed",
      "false-positive",
      "confirmed",
      "confirmed",
    ]);
  });
});

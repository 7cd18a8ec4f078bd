/** What the second-factor state of a session means for the console. */
import type { MeResponse } from "../../../src/contracts/identity.contract.js";

/** True while the session still has to verify or enrol a second factor before pages open. */
export function needsSecondFactor(state: MeResponse["secondFactor"]): boolean {
  return state === "verify-required" || state === "enrol-required";
}

/**
 * Who is making a request, as the policies see it: a signed-in person with their roles per school
 * and how far their session has got with the second factor, an integration's API token, or nobody.
 */
import type { Role } from "../../identity/roles.js";
import type { Action } from "./actions.js";
import type { TokenScope } from "./policy-table.js";

export interface SchoolRoles {
  schoolId: string;
  organisationId: string;
  roles: readonly Role[];
  /** Access beyond the roles, approved by the SIRO and not yet expired (see governance/). */
  grants?: readonly Action[];
}

/**
 * `verified`: this session completed a second factor. `not-enrolled`: the person has none and no
 * role needs one. `enrol-required` / `verify-required`: the session may only finish the second factor.
 */
export type SecondFactorState = "verified" | "not-enrolled" | "enrol-required" | "verify-required";

export type Principal =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      sessionId: string;
      label: string;
      schools: readonly SchoolRoles[];
      secondFactor: SecondFactorState;
    }
  | { kind: "api-token"; tokenId: string; schoolId: string; scopes: readonly TokenScope[]; label: string };

export const anonymous: Principal = { kind: "anonymous" };

/** True while a session must finish its second factor before doing anything else. */
export function isAwaitingSecondFactor(principal: Principal): boolean {
  return (
    principal.kind === "user" &&
    (principal.secondFactor === "enrol-required" || principal.secondFactor === "verify-required")
  );
}

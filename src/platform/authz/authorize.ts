/**
 * `authorize(principal, action, subject)`: the one question every route and command asks. A
 * subject is the school (or schools) the thing belongs to; an action on something that belongs
 * to several schools needs the ability in each of them.
 */
import { AppError } from "../errors/app-error.js";
import { actionDescriptions, isRestricted, type Action } from "./actions.js";
import { everyMemberAbilities, roleAbilities, scopeAbilities } from "./policy-table.js";
import { isAwaitingSecondFactor, type Principal } from "./principal.js";

export type Subject = { schoolId: string } | { schoolIds: readonly string[] };

/** What the principal may do in one school (before any second-factor requirement). */
export function abilitiesOf(principal: Principal, schoolId: string): Action[] {
  const granted = new Set<Action>();
  if (principal.kind === "user") {
    for (const school of principal.schools) {
      if (school.schoolId !== schoolId) continue;
      for (const role of school.roles) for (const action of roleAbilities[role]) granted.add(action);
      if (school.roles.length > 0) for (const action of everyMemberAbilities) granted.add(action);
      for (const action of school.grants ?? []) granted.add(action);
    }
  } else if (principal.kind === "api-token" && principal.schoolId === schoolId) {
    for (const scope of principal.scopes) for (const action of scopeAbilities[scope]) granted.add(action);
  }
  return [...granted].sort();
}

/** The schools in which the principal may do `action`: for list queries and bulk operations. */
export function schoolsWhere(principal: Principal, action: Action): string[] {
  const candidates =
    principal.kind === "user"
      ? principal.schools.map((school) => school.schoolId)
      : principal.kind === "api-token"
        ? [principal.schoolId]
        : [];
  return candidates.filter((schoolId) => abilitiesOf(principal, schoolId).includes(action));
}

/** True when `authorize` would let the principal do `action` on `subject`. */
export function can(principal: Principal, action: Action, subject: Subject): boolean {
  return refusal(principal, action, subject) === undefined;
}

/** Throws `unauthenticated`, `two_factor_required` or `forbidden` unless the action is allowed. */
export function authorize(principal: Principal, action: Action, subject: Subject): void {
  const refused = refusal(principal, action, subject);
  if (refused) throw refused;
}

/** The refusal for a principal who may not do `action` in any school at all, if any. */
export function refusalAnywhere(principal: Principal, action: Action): AppError | undefined {
  return refusal(principal, action, { schoolIds: schoolsWhere(principal, action).slice(0, 1) });
}

function refusal(principal: Principal, action: Action, subject: Subject): AppError | undefined {
  if (principal.kind === "anonymous") {
    return new AppError("unauthenticated", "You need to sign in first.", {
      hint: "Sign in at /api/v1/auth/sign-in, or send an API token as `Authorization: Bearer ...`.",
    });
  }
  if (isAwaitingSecondFactor(principal)) return twoFactorRequired();
  const schoolIds = "schoolId" in subject ? [subject.schoolId] : subject.schoolIds;
  const allowed =
    schoolIds.length > 0 && schoolIds.every((id) => abilitiesOf(principal, id).includes(action));
  if (!allowed) {
    return new AppError("forbidden", `You may not ${actionDescriptions[action]} here.`, {
      hint: "Ask your school's administrator if you need this.",
    });
  }
  // Checked after the role: a second factor would not help someone whose role does not allow it.
  if (isRestricted(action) && !hasVerifiedSecondFactor(principal)) return twoFactorRequired();
  return undefined;
}

function hasVerifiedSecondFactor(principal: Principal): boolean {
  return principal.kind === "user" && principal.secondFactor === "verified";
}

/** The refusal for a session that has not completed its second factor. */
export function twoFactorRequired(): AppError {
  return new AppError("two_factor_required", "This needs a second factor: finish two-factor sign-in first.", {
    hint: "Verify a code at /api/v1/auth/two-factor/verify, or set up two-factor at /api/v1/auth/two-factor/enrol.",
  });
}

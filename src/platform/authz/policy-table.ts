/**
 * The policy table: what each role may do in a school, and what each API token scope allows.
 * This is the only place that maps roles to permissions; everything else asks `authorize`.
 */
import { roles, type Role } from "../../identity/roles.js";
import { isRestricted, type Action } from "./actions.js";

export const roleAbilities: Record<Role, readonly Action[]> = {
  administrator: [
    "school.read",
    "users.read",
    "users.manage",
    "api-tokens.manage",
    "detection.read",
    "notifications.manage",
    "directory.write",
  ],
  "network-manager": [
    "school.read",
    "api-tokens.manage",
    "browsing.read",
    "filtering.manage",
    "directory.read",
    "detection.read",
    "detection.manage",
    "notifications.manage",
  ],
  "online-safety-coordinator": [
    "school.read",
    "detection.read",
    "detection.manage",
    "concerns.report",
    "unblocks.request",
    "reports.read-own",
    "reports.read-anonymised",
    "alerts.read",
    "alerts.act",
    "browsing.read",
    "directory.read",
  ],
  "designated-safeguarding-lead": [
    "school.read",
    "detection.read",
    "detection.manage",
    "audit.read",
    "concerns.report",
    "unblocks.request",
    "reports.read-own",
    "alerts.read",
    "alerts.act",
    "incidents.read",
    "incidents.manage",
    "evidence.view",
    "browsing.read",
    "directory.read",
    "notifications.manage",
  ],
  "deputy-safeguarding-lead": [
    "school.read",
    "concerns.report",
    "unblocks.request",
    "reports.read-own",
    "alerts.read",
    "alerts.act",
    "incidents.read",
    "incidents.manage",
    "evidence.view",
    "directory.read",
  ],
  head: [
    "school.read",
    "users.read",
    "audit.read",
    "concerns.report",
    "reports.read-own",
    "reports.read-anonymised",
    "incidents.read",
    "incidents.close",
    "incidents.grant-access",
    "evidence.view",
    "directory.read",
    "access.review",
  ],
  siro: [
    "school.read",
    "users.read",
    "audit.read",
    "reports.read-anonymised",
    "access.approve",
    "access.review",
    "incidents.close",
  ],
  "information-asset-owner": ["school.read", "reports.read-anonymised"],
  governor: ["school.read", "reports.read-anonymised"],
  teacher: ["school.read", "concerns.report", "unblocks.request", "reports.read-own"],
  // A moderator's memberships are widened to every school of the organisation (see load-principal).
  moderator: ["school.read", "alerts.read", "alerts.act"],
  auditor: ["school.read", "users.read", "audit.read", "reports.read-anonymised", "detection.read"],
};

/** What anyone holding any role in a school may do there, whatever the role. */
export const everyMemberAbilities: readonly Action[] = ["access.request"];

/** Roles whose holders can see restricted data: their sessions must complete a second factor. */
export const rolesRequiringTwoFactor: ReadonlySet<Role> = new Set(
  roles.filter((role) => roleAbilities[role].some(isRestricted)),
);

/** Roles whose memberships reach every school of the organisation, not just their own. */
export const organisationWideRoles: ReadonlySet<Role> = new Set<Role>(["moderator"]);

export const tokenScopes = ["events:write", "directory:write"] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** What an API token with each scope may do, in its one school. Tokens never read restricted data. */
export const scopeAbilities: Record<TokenScope, readonly Action[]> = {
  "events:write": ["events.write"],
  "directory:write": ["directory.write"],
};

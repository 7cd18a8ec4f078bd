/**
 * The closed list of things an actor can be allowed to do, each with the words used in a refusal.
 * Some are declared before their routes exist so that the role table can be reviewed as a whole.
 */
export const actionDescriptions = {
  "school.read": "see this school's name and settings",
  "users.read": "see this school's staff accounts",
  "users.manage": "create, disable or unlock staff accounts and change their roles",
  "api-tokens.manage": "create or revoke this school's API tokens",
  "audit.read": "read this school's audit log",
  "concerns.report": "report a concern",
  "unblocks.request": "request that a site be unblocked",
  "reports.read-own": "see the reports you made",
  "reports.read-anonymised": "see anonymised reports",
  "alerts.read": "see alerts about pupils",
  "alerts.act": "acknowledge and act on alerts",
  "incidents.read": "see safeguarding incidents",
  "incidents.manage": "record and manage safeguarding incidents",
  "browsing.read": "see pupils' browsing records",
  "filtering.manage": "change filtering and device settings",
  "access.approve": "approve access beyond a role's normal access",
  "events.write": "send monitoring events",
  "directory.write": "import pupils, staff and devices",
  "detection.read": "see this school's changes to the phrase library",
  "detection.manage": "add or end this school's changes to the phrase library",
} as const;

export type Action = keyof typeof actionDescriptions;

export const actions = Object.keys(actionDescriptions) as Action[];

/**
 * Actions that show restricted data (about identifiable pupils, or who looked at it). They need a
 * session that has completed a second factor, and every use is audited.
 */
export const restrictedActions: ReadonlySet<Action> = new Set<Action>([
  "audit.read",
  "alerts.read",
  "alerts.act",
  "incidents.read",
  "incidents.manage",
  "browsing.read",
]);

/** True when `action` shows restricted data. */
export function isRestricted(action: Action): boolean {
  return restrictedActions.has(action);
}

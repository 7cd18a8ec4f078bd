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
  "incidents.close": "close safeguarding incidents",
  "incidents.grant-access": "name who may see an allegation against staff",
  "evidence.view": "view incident evidence",
  "browsing.read": "see pupils' browsing records",
  "filtering.manage": "change filtering and device settings",
  "access.approve": "approve access beyond a role's normal access",
  "access.request": "ask for access beyond your role",
  "access.review": "review and sign off who can see what in this school",
  "events.write": "send monitoring events",
  "directory.write": "import pupils, staff and devices",
  "directory.read": "see the directory of pupils and devices",
  "detection.read": "see this school's changes to the phrase library",
  "detection.manage": "add or end this school's changes to the phrase library",
  "notifications.manage": "change who is told about alerts, and see notification deliveries",
} as const;

export type Action = keyof typeof actionDescriptions;

export const actions = Object.keys(actionDescriptions) as Action[];

/** True when `value` names an action this version knows. */
export function isAction(value: string): value is Action {
  return Object.hasOwn(actionDescriptions, value);
}

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
  "incidents.close",
  "incidents.grant-access",
  "evidence.view",
  "browsing.read",
  "directory.read",
]);

/** True when `action` shows restricted data. */
export function isRestricted(action: Action): boolean {
  return restrictedActions.has(action);
}

/**
 * Account lockout: the fifth failed sign-in in a row locks the account; it opens again when an
 * administrator unlocks it or, unless the setting is 0, after `lockoutMinutes`.
 */
export const maxFailedSignIns = 5;

export type LockState = "open" | "locked" | "lock-expired";

/** Whether an account is locked now. */
export function lockStateOf(
  user: { locked_at: string | null },
  lockoutMinutes: number,
  now = new Date(),
): LockState {
  if (user.locked_at === null) return "open";
  if (lockoutMinutes === 0) return "locked";
  const opensAt = Date.parse(user.locked_at) + lockoutMinutes * 60_000;
  return now.getTime() >= opensAt ? "lock-expired" : "locked";
}

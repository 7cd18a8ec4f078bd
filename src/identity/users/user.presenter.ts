/** How a staff account is shown to administrators: never its hash or second-factor secret. */
import type { findMembers } from "../user.repository.js";

type Member = Awaited<ReturnType<typeof findMembers>>[number];

/** The public shape of a member of a school. */
export function presentMember(member: Member) {
  return {
    id: member.id,
    email: member.email,
    name: member.display_name,
    disabled: member.disabled_at !== null,
    locked: member.locked_at !== null,
    lastSignInAt: member.last_sign_in_at,
    expiresAt: member.expires_at,
    roles: member.memberships,
  };
}

/** The staff-account endpoints (`/api/v1/users`) as the console calls them. */
import type {
  AccountExpiryRequest,
  CreateUserRequest,
} from "../../../../src/contracts/identity-admin.contract.js";
import type { Role } from "../../../../src/identity/roles.js";
import { http } from "../../api/client.js";

/** One person as `GET /api/v1/users` shows them (see src/identity/users/user.presenter.ts). */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  locked: boolean;
  lastSignInAt: string | null;
  expiresAt: string | null;
  roles: { schoolId: string; role: string }[];
}

const user = (userId: string) => `/api/v1/users/${encodeURIComponent(userId)}`;

export const usersApi = {
  list: (schoolId: string) => http.get<{ users: StaffMember[] }>("/api/v1/users", { schoolId }),
  create: (input: CreateUserRequest) => http.post<{ id: string }>("/api/v1/users", input),
  grantRole: (userId: string, schoolId: string, role: Role) =>
    http.put<{ granted: boolean }>(`${user(userId)}/roles/${encodeURIComponent(schoolId)}/${role}`),
  revokeRole: (userId: string, schoolId: string, role: string) =>
    http.delete<undefined>(
      `${user(userId)}/roles/${encodeURIComponent(schoolId)}/${encodeURIComponent(role)}`,
    ),
  unlock: (userId: string) => http.post<{ wasLocked: boolean }>(`${user(userId)}/unlock`),
  disable: (userId: string) => http.post<{ disabled: boolean }>(`${user(userId)}/disable`),
  setExpiry: (userId: string, input: AccountExpiryRequest) =>
    http.put<{ expiresAt: string | null }>(`${user(userId)}/expiry`, input),
};

/** My own sessions (`/api/v1/me/sessions`) and signing out everywhere, as the console calls them. */
import { http, setCsrfToken } from "../../api/client.js";

/** One open session of mine, as `GET /api/v1/me/sessions` shows it. */
export interface MySession {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  secondFactor: boolean;
}

export const accountApi = {
  sessions: () => http.get<{ sessions: MySession[] }>("/api/v1/me/sessions"),
  endSession: (sessionId: string) =>
    http.delete<undefined>(`/api/v1/me/sessions/${encodeURIComponent(sessionId)}`),
  async signOutEverywhere(): Promise<{ sessionsEnded: number }> {
    const result = await http.post<{ sessionsEnded: number }>("/api/v1/auth/sign-out-everywhere");
    setCsrfToken(null);
    return result;
  },
};

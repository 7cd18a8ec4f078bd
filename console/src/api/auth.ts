/** Signing in, the second factor, signing out and the signed-in person (`/api/v1/auth/*`, `/api/v1/me`). */
import type { MeResponse, SessionResponse, SignInRequest } from "../../../src/contracts/identity.contract.js";
import type { SsoProvidersResponse } from "../../../src/contracts/sso.contract.js";
import { http, setCsrfToken } from "./client.js";

export interface EnrolResponse {
  secret: string;
  otpauthUri: string;
}

export const authApi = {
  async signIn(input: SignInRequest): Promise<SessionResponse> {
    const session = await http.post<SessionResponse>("/api/v1/auth/sign-in", input);
    setCsrfToken(session.csrfToken);
    return session;
  },
  async me(): Promise<MeResponse> {
    const me = await http.get<MeResponse>("/api/v1/me");
    setCsrfToken(me.csrfToken);
    return me;
  },
  verify: (code: string) =>
    http.post<{ secondFactor: "verified" }>("/api/v1/auth/two-factor/verify", { code }),
  enrol: () => http.post<EnrolResponse>("/api/v1/auth/two-factor/enrol"),
  confirm: (code: string) =>
    http.post<{ secondFactor: "verified"; recoveryCodes: string[] }>("/api/v1/auth/two-factor/confirm", {
      code,
    }),
  /** The single sign-on providers that serve `email` (public: asked before signing in). */
  ssoProviders: (email: string) => http.get<SsoProvidersResponse>("/api/v1/auth/sso/providers", { email }),
  async signOut(): Promise<void> {
    await http.post<undefined>("/api/v1/auth/sign-out");
    setCsrfToken(null);
  },
};

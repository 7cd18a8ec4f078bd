/**
 * Single sign-on end to end against a real OpenID provider on loopback: start, log in at the
 * provider, consent, come back with a session exactly like a password sign-in's; and each refusal,
 * audited, sending the browser back to the sign-in page with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { verifyAuditChains } from "../../platform/audit/verify-audit-chains.js";
import { sessionCookieName } from "../sessions/session-cookie.js";
import { auditEventsAbout, buildUser } from "../test-support/identity-builders.js";
import { BrowserLikeClient } from "./test-support/browser-like-client.js";
import { buildSsoWorld, signInThroughProvider, type SsoWorld } from "./test-support/sso-world.js";
import type { TestAccount } from "./test-support/test-oidc-provider.js";

const accounts: Record<string, TestAccount> = {
  teacher: { email: "Teacher@Oak.example", emailVerified: true },
  lead: { email: "lead@oak.example", emailVerified: true },
  "lead-mfa": { email: "lead-mfa@oak.example", emailVerified: true, amr: ["pwd", "mfa"] },
  unverified: { email: "unverified@oak.example", emailVerified: false },
  stranger: { email: "stranger@oak.example", emailVerified: true },
  disabled: { email: "disabled@oak.example", emailVerified: true },
  outsider: { email: "outsider@elsewhere.example", emailVerified: true },
  elsewhere: { email: "other-school@oak.example", emailVerified: true },
};

forEachDialect("single sign-on through a real OpenID provider", (database) => {
  let world: SsoWorld;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await buildSsoWorld(database(), accounts);
    const { schoolId, otherSchoolId } = world;
    const make = async (key: string, input: Parameters<typeof buildUser>[1]) => {
      ids[key] = (await buildUser(database(), input)).userId;
    };
    await make("teacher", { schoolId, role: "teacher", email: "teacher@oak.example" });
    await make("lead", { schoolId, role: "designated-safeguarding-lead", email: "lead@oak.example" });
    await make("lead-mfa", { schoolId, role: "designated-safeguarding-lead", email: "lead-mfa@oak.example" });
    await make("unverified", { schoolId, role: "teacher", email: "unverified@oak.example" });
    await make("disabled", { schoolId, role: "teacher", email: "disabled@oak.example" });
    await make("outsider", { schoolId, role: "teacher", email: "outsider@elsewhere.example" });
    await make("elsewhere", { schoolId: otherSchoolId, role: "teacher", email: "other-school@oak.example" });
    await database()
      .db.updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("id", "=", ids.disabled!)
      .execute();
  }, 30_000);
  afterAll(() => world.close());

  const me = (client: BrowserLikeClient) =>
    fetch(`${world.baseUrl}/api/v1/me`, {
      headers: { cookie: `${sessionCookieName}=${client.cookie("127.0.0.1", sessionCookieName) ?? ""}` },
    });

  describe("signing in", () => {
    it("signs a teacher in through the provider and lands on the console with a session", async () => {
      const client = new BrowserLikeClient();
      const page = await signInThroughProvider(world, client, "teacher");
      expect(page.url).toBe(`${world.baseUrl}/`);
      expect(page.visited.some((url) => url.startsWith(`${world.idp.issuer}/auth`))).toBe(true);
      const response = await me(client);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user: { email: string }; secondFactor: string };
      expect(body.user.email).toBe("teacher@oak.example");
      expect(body.secondFactor).toBe("not-enrolled");
      expect(client.cookie("127.0.0.1", "vigil_sso_flow")).toBeUndefined();
      const signedIn = await database()
        .db.selectFrom("audit_records")
        .select("data")
        .where("event", "=", "user.signed-in")
        .where("subject_id", "=", ids.teacher!)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(signedIn.data)).toMatchObject({ method: "sso", providerId: world.providerId });
    });

    it("sent the provider PKCE (S256), a state and a nonce", async () => {
      const client = new BrowserLikeClient();
      const page = await signInThroughProvider(world, client, "teacher");
      const authorize = new URL(page.visited.find((url) => url.startsWith(`${world.idp.issuer}/auth`))!);
      expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorize.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
      expect(authorize.searchParams.get("state")).toMatch(/^[\w-]{20,}$/);
      expect(authorize.searchParams.get("nonce")).toMatch(/^[\w-]{20,}$/);
      expect(authorize.searchParams.get("scope")).toBe("openid email profile");
    });

    it("asks Google to let the person choose the account, within the one allowed domain", async () => {
      const start = await fetch(`${world.baseUrl}/api/v1/auth/sso/${world.googleKindProviderId}/start`, {
        redirect: "manual",
      });
      expect(start.status).toBe(303);
      const authorize = new URL(start.headers.get("location") ?? "");
      expect(authorize.searchParams.get("prompt")).toBe("select_account");
      expect(authorize.searchParams.get("hd")).toBe("oak.example");
      const cookie = start.headers.getSetCookie().find((line) => line.startsWith("vigil_sso_flow="));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\/api\/v1\/auth\/sso\//);
    });

    it("leaves the second factor to do for a role that needs it", async () => {
      const client = new BrowserLikeClient();
      const page = await signInThroughProvider(world, client, "lead");
      expect(page.url).toBe(`${world.baseUrl}/`);
      const body = (await (await me(client)).json()) as { secondFactor: string };
      expect(body.secondFactor).toBe("enrol-required");
      const audit = await fetch(`${world.baseUrl}/api/v1/schools/${world.schoolId}/audit`, {
        headers: { cookie: `${sessionCookieName}=${client.cookie("127.0.0.1", sessionCookieName) ?? ""}` },
      });
      expect(audit.status).toBe(403);
      expect(((await audit.json()) as { error: { id: string } }).error.id).toBe("two_factor_required");
    });

    it("trusts the provider's MFA only where the provider is set to, and only when amr says mfa", async () => {
      const untrusted = new BrowserLikeClient();
      await signInThroughProvider(world, untrusted, "lead-mfa");
      expect(((await (await me(untrusted)).json()) as { secondFactor: string }).secondFactor).toBe(
        "enrol-required",
      );
      const trusted = new BrowserLikeClient();
      const page = await signInThroughProvider(world, trusted, "lead-mfa", {
        providerId: world.mfaTrustingProviderId,
      });
      expect(page.url).toBe(`${world.baseUrl}/`);
      expect(((await (await me(trusted)).json()) as { secondFactor: string }).secondFactor).toBe("verified");
      const withoutMfa = new BrowserLikeClient();
      await signInThroughProvider(world, withoutMfa, "lead", { providerId: world.mfaTrustingProviderId });
      expect(((await (await me(withoutMfa)).json()) as { secondFactor: string }).secondFactor).toBe(
        "enrol-required",
      );
    });
  });

  describe("refusals", () => {
    const refusedWith = async (login: string, reason: string) => {
      const client = new BrowserLikeClient();
      const page = await signInThroughProvider(world, client, login);
      expect(page.url).toBe(`${world.baseUrl}/sign-in?error=${reason}`);
      expect(client.cookie("127.0.0.1", sessionCookieName)).toBeUndefined();
    };
    const lastFailure = async () => {
      const row = await database()
        .db.selectFrom("audit_records")
        .select(["data", "school_id", "subject_id"])
        .where("event", "=", "user.sign-in-failed")
        .orderBy("created_at", "desc")
        .orderBy("seq", "desc")
        .executeTakeFirstOrThrow();
      return { ...row, data: JSON.parse(row.data) as Record<string, unknown> };
    };

    it("refuses an email the provider has not verified", async () => {
      await refusedWith("unverified", "sso-email-unverified");
      expect((await lastFailure()).data).toMatchObject({ method: "sso", reason: "sso-email-unverified" });
    });

    it("never creates an account: an address with no Vigil account is refused", async () => {
      const before = await database().db.selectFrom("users").select("id").execute();
      await refusedWith("stranger", "sso-no-account");
      const after = await database().db.selectFrom("users").select("id").execute();
      expect(after).toHaveLength(before.length);
      expect((await lastFailure()).data).toMatchObject({
        email: "stranger@oak.example",
        reason: "sso-no-account",
      });
    });

    it("refuses an account with no role at the provider's school", async () => {
      await refusedWith("elsewhere", "sso-no-account");
      expect((await lastFailure()).subject_id).toBe(ids.elsewhere);
    });

    it("refuses a disabled account", async () => {
      await refusedWith("disabled", "sso-account-disabled");
      expect(await auditEventsAbout(database(), ids.disabled!)).toContain("user.sign-in-failed");
    });

    it("refuses a domain the provider is not allowed for", async () => {
      await refusedWith("outsider", "sso-domain-not-allowed");
      expect((await lastFailure()).data).toMatchObject({ email: "outsider@elsewhere.example" });
    });

    it("refuses a callback whose state was changed", async () => {
      const client = new BrowserLikeClient();
      const back = await signInThroughProvider(world, client, "teacher", { stopBefore: world.baseUrl });
      expect(back.status).toBe(0);
      const tampered = new URL(back.url);
      tampered.searchParams.set("state", "not-the-state-vigil-sent");
      const page = await client.open(tampered.href);
      expect(page.url).toBe(`${world.baseUrl}/sign-in?error=sso-state-mismatch`);
      expect(client.cookie("127.0.0.1", sessionCookieName)).toBeUndefined();
      // The flow was used up by the refused attempt: the genuine answer cannot be replayed.
      expect((await client.open(back.url)).url).toBe(`${world.baseUrl}/sign-in?error=sso-state-mismatch`);
    });

    it("refuses a callback in a browser that did not start the sign-in", async () => {
      const client = new BrowserLikeClient();
      const back = await signInThroughProvider(world, client, "teacher", { stopBefore: world.baseUrl });
      const page = await new BrowserLikeClient().open(back.url);
      expect(page.url).toBe(`${world.baseUrl}/sign-in?error=sso-state-mismatch`);
      expect((await lastFailure()).data).toMatchObject({ reason: "sso-state-mismatch", flowFound: false });
    });

    it("refuses a flow that took too long", async () => {
      const client = new BrowserLikeClient();
      const page = await signInThroughProvider(world, client, "teacher", {
        beforeLogin: async () => {
          await database()
            .db.updateTable("sso_flows")
            .set({ expires_at: new Date(Date.now() - 1_000).toISOString() })
            .execute();
        },
      });
      expect(page.url).toBe(`${world.baseUrl}/sign-in?error=sso-flow-expired`);
    });

    it("refuses an unknown provider, audited", async () => {
      const page = await new BrowserLikeClient().open(
        `${world.baseUrl}/api/v1/auth/sso/00000000-0000-4000-8000-000000000000/start`,
      );
      expect(page.url).toBe(`${world.baseUrl}/sign-in?error=sso-unknown-provider`);
      expect((await lastFailure()).data).toMatchObject({ reason: "sso-unknown-provider" });
    });

    it("keeps every audit chain intact", async () => {
      expect((await verifyAuditChains(database().db)).problems).toEqual([]);
    });
  });
});

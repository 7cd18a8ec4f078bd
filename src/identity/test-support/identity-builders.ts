/**
 * Builders for identity tests: a person with a role (written through the real commands), a
 * signed-in HTTP session with its cookie and CSRF token, and a finished second factor.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { VigilDatabase } from "../../db/open-database.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { testActor } from "../../test-support/builders.js";
import { hashPassword } from "../password.js";
import type { Role } from "../roles.js";
import { sessionCookieName } from "../sessions/session-cookie.js";
import { currentTotp } from "../two-factor/totp.js";
import { createUser } from "../users/create-user.js";
import { grantRole } from "../users/grant-role.js";

export const testPassword = "purple kettle under the bridge";
let cachedHash: Promise<string> | undefined;

/** Creates a person with `role` in `schoolId` (and any extra roles); returns id and email. */
export async function buildUser(
  database: VigilDatabase,
  input: { schoolId: string; role: Role; extra?: { schoolId: string; role: Role }[]; email?: string },
): Promise<{ userId: string; email: string }> {
  cachedHash ??= hashPassword(testPassword); // one slow hash per test file, not per person
  const passwordHash = await cachedHash;
  const email = input.email ?? `${input.role}-${randomUUID().slice(0, 8)}@school.example`;
  const userId = await inTransaction(database, { actor: testActor, ip: null }, async (ctx) => {
    const id = await createUser(ctx, {
      email,
      name: `Test ${input.role}`,
      passwordHash,
      schoolId: input.schoolId,
      role: input.role,
    });
    for (const grant of input.extra ?? []) await grantRole(ctx, { userId: id, ...grant });
    return id;
  });
  return { userId, email };
}

export interface TestSession {
  cookie: string;
  csrfToken: string;
  secondFactor: string;
  /** Sends a request as this session, with the cookie and the CSRF header. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Signs in over HTTP; throws when the sign-in is refused. */
export async function signInAs(
  app: FastifyInstance,
  email: string,
  password = testPassword,
): Promise<TestSession> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in refused: ${response.body}`);
  const cookie = response.cookies.find((entry) => entry.name === sessionCookieName)?.value ?? "";
  const body: { csrfToken: string; secondFactor: string } = response.json();
  return {
    cookie,
    csrfToken: body.csrfToken,
    secondFactor: body.secondFactor,
    request: (options) =>
      app.inject({
        ...options,
        cookies: { [sessionCookieName]: cookie },
        headers: { "x-csrf-token": body.csrfToken, ...options.headers },
      }),
  };
}

/** Enrols and confirms TOTP for a signed-in session; returns the secret and recovery codes. */
export async function enrolSecondFactor(
  session: TestSession,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrol = await session.request({ method: "POST", url: "/api/v1/auth/two-factor/enrol" });
  const { secret } = enrol.json<{ secret: string }>();
  const confirm = await session.request({
    method: "POST",
    url: "/api/v1/auth/two-factor/confirm",
    payload: { code: currentTotp(secret) },
  });
  if (confirm.statusCode !== 200) throw new Error(`confirm refused: ${confirm.body}`);
  return { secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

/** Events of the audit records about a subject, oldest first. */
export async function auditEventsAbout(database: VigilDatabase, subjectId: string): Promise<string[]> {
  const rows = await database.db
    .selectFrom("audit_records")
    .select(["event", "created_at", "seq"])
    .where("subject_id", "=", subjectId)
    .orderBy("created_at")
    .orderBy("seq")
    .execute();
  return rows.map((row) => row.event);
}

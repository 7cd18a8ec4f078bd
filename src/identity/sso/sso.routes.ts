/**
 * Single sign-on routes. Administrators manage a school's providers under
 * /api/v1/schools/:schoolId/identity-providers. The sign-in page asks which providers serve an
 * email address, then navigates to /api/v1/auth/sso/:providerId/start; the provider sends the
 * browser back to /callback, which sets the session cookie and redirects to the console, or
 * redirects to /sign-in?error=<id> (ids and messages in the SSO contract).
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  CreateIdentityProviderRequestSchema,
  IdentityProviderParamsSchema,
  SchoolIdParamsSchema,
  SsoProviderParamsSchema,
  SsoProvidersQuerySchema,
  type SsoProvidersResponse,
  type SsoRefusal,
} from "../../contracts/sso.contract.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import { authorize } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { scopeOf } from "../../schools/school-scope.js";
import { setSessionCookie } from "../sessions/session-cookie.js";
import { addIdentityProvider } from "./add-identity-provider.js";
import { clientSecretKey } from "./client-secret-seal.js";
import { finishSsoFlow } from "./finish-sso-flow.js";
import {
  emailDomain,
  findIdentityProviderById,
  findIdentityProviders,
  findIdentityProvidersForDomain,
} from "./identity-provider.repository.js";
import { presentIdentityProvider } from "./identity-provider.presenter.js";
import { removeIdentityProvider } from "./remove-identity-provider.js";
import { clearSsoFlowCookie, setSsoFlowCookie, ssoFlowTokenOf } from "./sso-flow-cookie.js";
import { startSsoFlow } from "./start-sso-flow.js";

/** Registers the identity provider and single sign-on routes. */
export function registerSsoRoutes(app: FastifyInstance, services: AppServices): void {
  const { database, config } = services;
  const { db } = database;
  const toSignIn = (reply: FastifyReply, refusal: SsoRefusal) =>
    reply.redirect(`/sign-in?error=${refusal}`, 303);

  app.get("/api/v1/schools/:schoolId/identity-providers", access.to("users.manage"), async (request) => {
    const { schoolId } = parseInput(SchoolIdParamsSchema, request.params, "The address");
    authorize(request.context.principal, "users.manage", { schoolId });
    const rows = await findIdentityProviders(db, scopeOf([schoolId]));
    return { identityProviders: rows.map((row) => presentIdentityProvider(row, config.publicUrl)) };
  });

  app.post(
    "/api/v1/schools/:schoolId/identity-providers",
    access.to("users.manage"),
    async (request, reply) => {
      const { schoolId } = parseInput(SchoolIdParamsSchema, request.params, "The address");
      const input = parseInput(CreateIdentityProviderRequestSchema, request.body, "The identity provider");
      authorize(request.context.principal, "users.manage", { schoolId });
      const key = await clientSecretKey(db, config);
      const id = await inTransaction(database, request.context, (ctx) =>
        addIdentityProvider(ctx, { ...input, schoolId }, key),
      );
      const row = await findIdentityProviderById(db, id);
      if (!row) throw new Error("identity provider vanished");
      return reply.status(201).send(presentIdentityProvider(row, config.publicUrl));
    },
  );

  app.delete(
    "/api/v1/schools/:schoolId/identity-providers/:providerId",
    access.to("users.manage"),
    async (request, reply) => {
      const params = parseInput(IdentityProviderParamsSchema, request.params, "The address");
      authorize(request.context.principal, "users.manage", { schoolId: params.schoolId });
      const row = await findIdentityProviderById(db, params.providerId);
      if (row?.school_id !== params.schoolId) {
        throw new AppError("not_found", "There is no such identity provider at this school.");
      }
      await inTransaction(database, request.context, (ctx) => removeIdentityProvider(ctx, row));
      return reply.status(204).send();
    },
  );

  app.get("/api/v1/auth/sso/providers", access.public, async (request) => {
    const { email } = parseInput(SsoProvidersQuerySchema, request.query, "The query");
    const rows = await findIdentityProvidersForDomain(db, emailDomain(email));
    const body: SsoProvidersResponse = {
      providers: rows.map((row) => ({
        id: row.id,
        kind: row.kind as SsoProvidersResponse["providers"][number]["kind"],
        label: row.label,
        startUrl: `/api/v1/auth/sso/${row.id}/start`,
      })),
    };
    return body;
  });

  app.get("/api/v1/auth/sso/:providerId/start", access.public, async (request, reply) => {
    const { providerId } = parseInput(SsoProviderParamsSchema, request.params, "The address");
    const provider = await findIdentityProviderById(db, providerId);
    const refuse = async (refusal: SsoRefusal, error?: string) => {
      await inTransaction(database, request.context, (ctx) =>
        appendAudit(ctx, {
          event: "user.sign-in-failed",
          schoolId: provider?.school_id ?? null,
          data: {
            method: "sso",
            providerId: providerId.slice(0, 100),
            reason: refusal,
            ...(error === undefined ? {} : { error: error.slice(0, 200) }),
          },
        }),
      );
      return toSignIn(reply, refusal);
    };
    if (!provider) return refuse("sso-unknown-provider");
    let started;
    try {
      const secretKey = await clientSecretKey(db, config);
      started = await startSsoFlow(database, provider, { publicUrl: config.publicUrl, secretKey });
    } catch (error) {
      request.log.warn({ err: error, providerId }, "single sign-on could not start");
      return refuse("sso-provider-error", error instanceof Error ? error.message : "unknown error");
    }
    setSsoFlowCookie(reply, config, started.flowToken);
    return reply.redirect(started.redirectTo.href, 303);
  });

  app.get("/api/v1/auth/sso/:providerId/callback", access.public, async (request, reply) => {
    const { providerId } = parseInput(SsoProviderParamsSchema, request.params, "The address");
    const query = new URL(request.url, "http://callback.invalid").searchParams;
    const outcome = await finishSsoFlow(
      database,
      { ...request.context, userAgent: request.headers["user-agent"] ?? null },
      { providerId, flowToken: ssoFlowTokenOf(request), query },
      { ...config, secretKey: await clientSecretKey(db, config) },
    );
    clearSsoFlowCookie(reply, config);
    if (!outcome.ok) return toSignIn(reply, outcome.refusal);
    setSessionCookie(reply, config, outcome.session.token, outcome.session.expiresAt);
    return reply.redirect("/", 303);
  });
}

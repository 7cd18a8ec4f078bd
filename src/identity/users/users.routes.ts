/**
 * Staff accounts, for administrators: list a school's staff, create an account with its first
 * role, grant and revoke roles, unlock, disable, reset two-factor, and set when a guest or supply
 * account ends. Each route: validate, load, authorize, run
 * the command, present.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  AccountExpiryRequestSchema,
  CreateUserRequestSchema,
  RoleParamsSchema,
  SchoolQuerySchema,
  UserIdParamsSchema,
} from "../../contracts/identity-admin.contract.js";
import { authorize } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { scopeOf } from "../../schools/school-scope.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { hashPassword } from "../password.js";
import { findMembers, findUserById } from "../user.repository.js";
import { createUser } from "./create-user.js";
import { disableUser } from "./disable-user.js";
import { grantRole } from "./grant-role.js";
import { accountSubject, roleChangeSubject } from "./membership.policy.js";
import { revokeRole } from "./revoke-role.js";
import { resetTwoFactor } from "../two-factor/reset-two-factor.js";
import { setAccountExpiry } from "./set-account-expiry.js";
import { unlockUser } from "./unlock-user.js";
import { presentMember } from "./user.presenter.js";

/** Registers the /api/v1/users routes. */
export function registerUserRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;
  const { db } = database;

  app.get("/api/v1/users", access.to("users.read"), async (request) => {
    const query = parseInput(SchoolQuerySchema, request.query, "The query");
    authorize(request.context.principal, "users.read", { schoolId: query.schoolId });
    const members = await findMembers(db, scopeOf([query.schoolId]));
    return { users: members.map(presentMember) };
  });

  app.post("/api/v1/users", access.to("users.manage"), async (request, reply) => {
    const input = parseInput(CreateUserRequestSchema, request.body, "The new account");
    authorize(request.context.principal, "users.manage", { schoolId: input.schoolId });
    const passwordHash = await hashPassword(input.password);
    const id = await inTransaction(database, request.context, (ctx) =>
      createUser(ctx, { ...input, passwordHash }),
    );
    return reply.status(201).send({ id });
  });

  app.put("/api/v1/users/:userId/roles/:schoolId/:role", access.to("users.manage"), async (request) => {
    const params = parseInput(RoleParamsSchema, request.params, "The address");
    authorize(
      request.context.principal,
      "users.manage",
      await roleChangeSubject(db, params.schoolId, params.role),
    );
    if (!(await findUserById(db, params.userId)))
      throw new AppError("not_found", "There is no such account.");
    const granted = await inTransaction(database, request.context, (ctx) => grantRole(ctx, params));
    return { granted };
  });

  app.delete(
    "/api/v1/users/:userId/roles/:schoolId/:role",
    access.to("users.manage"),
    async (request, reply) => {
      const params = parseInput(RoleParamsSchema, request.params, "The address");
      authorize(
        request.context.principal,
        "users.manage",
        await roleChangeSubject(db, params.schoolId, params.role),
      );
      await inTransaction(database, request.context, (ctx) => revokeRole(ctx, params));
      return reply.status(204).send();
    },
  );

  app.post("/api/v1/users/:userId/unlock", access.to("users.manage"), async (request) => {
    const userId = await loadAccountToManage(request, services);
    const wasLocked = await inTransaction(database, request.context, (ctx) => unlockUser(ctx, userId));
    return { wasLocked };
  });

  app.post("/api/v1/users/:userId/two-factor/reset", access.to("users.manage"), async (request) => {
    const userId = await loadAccountToManage(request, services);
    const reset = await inTransaction(database, request.context, (ctx) => resetTwoFactor(ctx, userId));
    return { reset };
  });

  app.put("/api/v1/users/:userId/expiry", access.to("users.manage"), async (request) => {
    const userId = await loadAccountToManage(request, services);
    const { expiresAt } = parseInput(AccountExpiryRequestSchema, request.body, "The expiry");
    const normalised = expiresAt === null ? null : new Date(expiresAt).toISOString();
    await inTransaction(database, request.context, (ctx) =>
      setAccountExpiry(ctx, { userId, expiresAt: normalised }),
    );
    return { expiresAt: normalised };
  });

  app.post("/api/v1/users/:userId/disable", access.to("users.manage"), async (request) => {
    const userId = await loadAccountToManage(request, services);
    const disabled = await inTransaction(database, request.context, (ctx) => disableUser(ctx, userId));
    return { disabled };
  });
}

/** The account named in the address, if the caller can see it and manages it in every school. */
async function loadAccountToManage(request: FastifyRequest, services: AppServices): Promise<string> {
  const { userId } = parseInput(UserIdParamsSchema, request.params, "The address");
  const subject = await accountSubject(services.database.db, userId);
  const visible =
    "schoolIds" in subject && subject.schoolIds.some((id) => request.context.scope.schoolIds.includes(id));
  if (!visible) throw new AppError("not_found", "There is no such account in your schools.");
  authorize(request.context.principal, "users.manage", subject);
  return userId;
}

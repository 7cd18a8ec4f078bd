/**
 * Two-factor endpoints, reachable by a session that has not finished its second factor:
 * enrol (a new secret), confirm (the first code turns it on and returns recovery codes), and
 * verify (the second step of every sign-in once it is on).
 */
import type { FastifyInstance } from "fastify";
import { SecondFactorCodeSchema } from "../../contracts/identity.contract.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { currentUser } from "../current-user.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { findUserById } from "../user.repository.js";
import { confirmTwoFactor } from "./confirm-two-factor.js";
import { enrolTwoFactor } from "./enrol-two-factor.js";
import { totpSecretKey } from "./totp-secret-seal.js";
import { verifySecondFactor } from "./verify-second-factor.js";

/** Registers POST /api/v1/auth/two-factor/{enrol,confirm,verify}. */
export function registerTwoFactorRoutes(app: FastifyInstance, services: AppServices): void {
  const { database, config } = services;

  app.post("/api/v1/auth/two-factor/enrol", access.duringSecondFactor, async (request) => {
    const { principal } = currentUser(request);
    const user = await findUserById(database.db, principal.userId);
    if (!user) throw new Error("signed-in user vanished");
    const sealKey = await totpSecretKey(database.db, config);
    return inTransaction(database, request.context, (ctx) => enrolTwoFactor(ctx, user, sealKey));
  });

  app.post("/api/v1/auth/two-factor/confirm", access.duringSecondFactor, async (request) => {
    const { principal } = currentUser(request);
    const { code } = parseInput(SecondFactorCodeSchema, request.body);
    const sealKey = await totpSecretKey(database.db, config);
    const recoveryCodes = await inTransaction(database, request.context, (ctx) =>
      confirmTwoFactor(ctx, { userId: principal.userId, sessionId: principal.sessionId, code }, sealKey),
    );
    return { secondFactor: "verified", recoveryCodes };
  });

  app.post("/api/v1/auth/two-factor/verify", access.duringSecondFactor, async (request) => {
    const { principal } = currentUser(request);
    const { code } = parseInput(SecondFactorCodeSchema, request.body);
    const result = await verifySecondFactor(
      database,
      request.context,
      { userId: principal.userId, sessionId: principal.sessionId, code },
      { lockoutMinutes: config.lockoutMinutes, sealKey: await totpSecretKey(database.db, config) },
    );
    return { secondFactor: "verified", ...result };
  });
}

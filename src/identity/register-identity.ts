/**
 * Everything identity adds to the server, in order: the cookie parser, the authentication hook
 * (sets who is asking), the access gate (enforces each route's declared access), then the routes.
 */
import cookie from "@fastify/cookie";
import type { FastifyInstance } from "fastify";
import { registerAccessGate } from "../platform/authz/route-access.js";
import type { AppServices } from "../platform/http/app-services.js";
import { registerApiTokenRoutes } from "./api-tokens/api-token.routes.js";
import { registerAuthentication } from "./authenticate.hook.js";
import { registerMeRoutes } from "./me.routes.js";
import { registerAuthRoutes } from "./sessions/auth.routes.js";
import { registerSsoRoutes } from "./sso/sso.routes.js";
import { registerTwoFactorRoutes } from "./two-factor/two-factor.routes.js";
import { registerUserRoutes } from "./users/users.routes.js";

/** Installs authentication, the access gate and the identity routes. */
export async function registerIdentity(app: FastifyInstance, services: AppServices): Promise<void> {
  await app.register(cookie);
  registerAuthentication(app, services);
  registerAccessGate(app);
  registerAuthRoutes(app, services);
  registerTwoFactorRoutes(app, services);
  registerMeRoutes(app, services);
  registerUserRoutes(app, services);
  registerApiTokenRoutes(app, services);
  registerSsoRoutes(app, services);
}

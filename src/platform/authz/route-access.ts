/**
 * Every API route declares who may reach it (`config.access`), and one hook enforces it before
 * the handler runs: 401 for nobody, 403 `two_factor_required` for an unfinished second factor,
 * 403 `forbidden` when the action is allowed in no school at all. The handler still authorizes
 * against the school of the thing it loaded.
 */
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors/app-error.js";
import type { Action } from "./actions.js";
import { refusalAnywhere, twoFactorRequired } from "./authorize.js";
import { isAwaitingSecondFactor, type Principal } from "./principal.js";

export type RouteAccess =
  | { kind: "public" }
  /** Any signed-in person; `duringSecondFactor` lets a session that has not finished it in. */
  | { kind: "signed-in"; duringSecondFactor?: boolean }
  /** A signed-in person or API token allowed `action` in at least one school. */
  | { kind: "action"; action: Action };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

interface AccessOptions {
  config: { access: RouteAccess };
}

const declare = (declared: RouteAccess): AccessOptions => ({ config: { access: declared } });

/** Route options declaring access: `app.get(url, access.to("audit.read"), handler)`. */
export const access = {
  public: declare({ kind: "public" }),
  signedIn: declare({ kind: "signed-in" }),
  duringSecondFactor: declare({ kind: "signed-in", duringSecondFactor: true }),
  to: (action: Action): AccessOptions => declare({ kind: "action", action }),
};

export interface RouteTableEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

const routeTables = new WeakMap<FastifyInstance, RouteTableEntry[]>();

/** Every route with its declared access (the authorization matrix test reads it). */
export function routeTableOf(app: FastifyInstance): readonly RouteTableEntry[] {
  return routeTables.get(app) ?? [];
}

/** Records every route registered from now on; call it before any route is added. */
export function registerRouteTable(app: FastifyInstance): void {
  const table: RouteTableEntry[] = [];
  routeTables.set(app, table);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== "HEAD") table.push({ method, url: route.url, access: route.config?.access });
    }
  });
}

/** Installs the hook that enforces each route's declared access (hooks reach routes added earlier too). */
export function registerAccessGate(app: FastifyInstance): void {
  app.addHook("preHandler", (request, _reply, done) => {
    const declared = request.routeOptions.config.access;
    done(declared ? accessRefusal(request.context.principal, declared) : undefined);
  });
}

/** Why `principal` may not reach a route declared with `declared`, if it may not. */
export function accessRefusal(principal: Principal, declared: RouteAccess): AppError | undefined {
  switch (declared.kind) {
    case "public":
      return undefined;
    case "signed-in":
      if (principal.kind === "api-token") {
        return new AppError("forbidden", "This is for people signed in; an API token cannot use it.");
      }
      if (principal.kind !== "user") return signInRequired();
      if (isAwaitingSecondFactor(principal) && !declared.duringSecondFactor) return twoFactorRequired();
      return undefined;
    case "action":
      return refusalAnywhere(principal, declared.action);
  }
}

function signInRequired(): AppError {
  return new AppError("unauthenticated", "You need to sign in first.", {
    hint: "Sign in at /api/v1/auth/sign-in.",
  });
}

/**
 * Each request's context: who is acting and from where. The identity layer's authentication
 * hook (src/identity/authenticate.hook.ts) sets the actor, principal and school scope from the
 * session cookie or API token; until then the request is anonymous and sees no school.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SchoolScope } from "../../schools/school-scope.js";
import { anonymous, type Principal } from "../authz/principal.js";
import type { Actor } from "../context/actor.js";

export interface RequestContext {
  actor: Actor;
  ip: string;
  requestId: string;
  /** Who the policies see: roles per school and second-factor state, or an API token's scopes. */
  principal: Principal;
  /** The schools this request may read, from the principal's memberships. */
  scope: SchoolScope;
}

declare module "fastify" {
  interface FastifyRequest {
    context: RequestContext;
  }
}

/** Gives every request a context before any route runs. */
export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest("context", null as unknown as RequestContext);
  app.addHook("onRequest", (request: FastifyRequest, _reply, done) => {
    request.context = {
      actor: { kind: "anonymous", label: `anonymous (${request.ip})` },
      ip: request.ip,
      requestId: request.id,
      principal: anonymous,
      scope: { schoolIds: [] },
    };
    done();
  });
}

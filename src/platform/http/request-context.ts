/**
 * Each request's context: who is acting and from where. Later the session layer sets the actor;
 * until a person signs in, the actor is anonymous.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../context/actor.js";

export interface RequestContext {
  actor: Actor;
  ip: string;
  requestId: string;
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
    };
    done();
  });
}

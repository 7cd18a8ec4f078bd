/**
 * `/healthz`: the process is up. `/readyz`: it can serve, meaning the database answers.
 * Load balancers and `npm start` checks use these; neither needs a session.
 */
import { sql } from "kysely";
import type { FastifyInstance } from "fastify";
import type { AppServices } from "./app-services.js";

/** Registers the health routes. */
export function registerHealthRoutes(app: FastifyInstance, services: AppServices): void {
  app.get("/healthz", () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    try {
      await sql`select 1`.execute(services.database.db);
      return { status: "ready", database: services.database.capabilities.engine };
    } catch {
      return reply.status(503).send({ status: "unavailable", reason: "the database does not answer" });
    }
  });
}

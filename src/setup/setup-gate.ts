/**
 * Until first-run setup is done, nothing but health checks and the setup flow answers: an
 * instance with no administrator must not collect or show anything.
 */
import type { FastifyInstance } from "fastify";
import type { AppServices } from "../platform/http/app-services.js";
import { AppError } from "../platform/errors/app-error.js";
import { isSetupComplete } from "./setup-state.js";

const openBeforeSetup = new Set([
  "/healthz",
  "/readyz",
  "/setup",
  "/api/v1/setup",
  "/api/v1/setup/status",
  "/favicon.ico",
]);

/** Registers the gate; once setup is seen complete it stays open without asking the database. */
export async function registerSetupGate(app: FastifyInstance, services: AppServices): Promise<void> {
  let complete = await isSetupComplete(services.database.db);
  app.addHook("onRequest", async (request, reply) => {
    if (complete) return;
    const path = request.url.split("?")[0] ?? "";
    if (openBeforeSetup.has(path)) return;
    complete = await isSetupComplete(services.database.db);
    if (complete) return;
    if (request.method === "GET" && path === "/") return reply.redirect("/setup");
    throw new AppError("setup_required", "Vigil is not set up yet.", {
      hint: "Open the one-time setup link printed when Vigil started, or run `npx vigil setup` on the server.",
    });
  });
}

/**
 * Serves the management console (built by `npm run build:console` into dist/console): its hashed
 * assets, and index.html for every other non-API address so deep links survive a reload. An
 * unknown `/api/*` address still answers the JSON 404. When the console has not been built, `/`
 * says how to build it instead of failing.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { access } from "../authz/route-access.js";
import { AppError } from "../errors/app-error.js";

/** Where the built console is, from src/platform/http or dist/platform/http alike. */
export const consoleRoot = join(import.meta.dirname, "..", "..", "..", "dist", "console");

const notBuiltPage = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Vigil</title></head>
<body><main>
<h1>Vigil is running</h1>
<p>The web console has not been built on this server. Run <code>npm run build</code> in Vigil's folder, then restart it.</p>
</main></body></html>`;

/** Registers the console's routes; call after the API routes. */
export async function registerConsoleRoutes(app: FastifyInstance, root = consoleRoot): Promise<void> {
  const built = existsSync(join(root, "index.html"));
  await app.register(fastifyStatic, { root, serve: false });

  const sendIndex = (reply: FastifyReply) =>
    built
      ? reply.header("cache-control", "no-cache").sendFile("index.html", { cacheControl: false })
      : reply.type("text/html; charset=utf-8").send(notBuiltPage);

  app.get("/", access.public, (_request, reply) => sendIndex(reply));

  // Hashed file names: a file's content never changes, so browsers may keep it for a year.
  app.get("/assets/*", access.public, (request: FastifyRequest<{ Params: { "*": string } }>, reply) => {
    const file = request.params["*"];
    if (!built || !existsSync(join(root, "assets", file))) throw notFound(request);
    return reply.sendFile(join("assets", file), { maxAge: "365d", immutable: true });
  });

  app.get("/*", access.public, (request, reply) => {
    if (request.url.startsWith("/api/") || request.url === "/api") throw notFound(request);
    return sendIndex(reply);
  });
}

function notFound(request: FastifyRequest): AppError {
  return new AppError("not_found", `Nothing is at ${request.method} ${request.url}.`);
}

/**
 * `GET /`: until the management console is built, a plain page that says Vigil is running and
 * where to go next, instead of a bare 404 for the person who followed the printed link.
 */
import type { FastifyInstance } from "fastify";
import { access } from "../authz/route-access.js";

const page = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Vigil</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}code{background:#eef0f3;padding:0 .25rem}</style>
</head>
<body>
<main>
<h1>Vigil is running</h1>
<p>Setup is complete. The web console is not part of this version yet.</p>
<p>Until it is, use the command line on the server (<code>npx vigil --help</code>) and the HTTP API described in the README: add staff with <code>npx vigil user add</code>, connect a web filter's log with <code>npx vigil ingest</code>, or try a simulated school day with <code>npx vigil demo</code>.</p>
</main>
</body>
</html>`;

/** Registers the home page. */
export function registerHomeRoute(app: FastifyInstance): void {
  app.get("/", access.public, (_request, reply) => reply.type("text/html; charset=utf-8").send(page));
}

/**
 * The console is served by Vigil itself: assets, index.html for deep links, and the JSON 404
 * for unknown API addresses. Runs against a throwaway "built console" folder so it does not
 * depend on `npm run build:console` having run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerErrorHandler } from "./error-handler.js";
import { registerConsoleRoutes } from "./console.routes.js";

async function serverOver(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorHandler(app);
  await registerConsoleRoutes(app, root);
  await app.ready();
  return app;
}

describe("console routes", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "vigil-console-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>Vigil</title><div id=root></div>");
    writeFileSync(join(root, "assets", "index-abc.js"), "console.log('hi')");
    app = await serverOver(root);
  });
  afterAll(() => app.close());

  it("answers an unknown API address with the JSON 404, not the page", async () => {
    const response = await app.inject("/api/v1/nothing-here");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { id: "not_found" } });
  });

  it("answers a missing asset with 404 and refuses to leave its folder", async () => {
    expect((await app.inject("/assets/missing.js")).statusCode).toBe(404);
    expect((await app.inject("/assets/..%2f..%2fetc%2fpasswd")).statusCode).toBeGreaterThanOrEqual(400);
  });

  it("serves index.html at / and at any deep link, so a reload keeps the page", async () => {
    for (const url of ["/", "/s/abc/activity?pupil=x", "/sign-in"]) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toContain("text/html");
      expect(response.body).toContain("<div id=root>");
      expect(response.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("serves hashed assets with a long cache lifetime", async () => {
    const response = await app.inject("/assets/index-abc.js");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toContain("immutable");
  });

  it("says how to build the console when it has not been built", async () => {
    const bare = await serverOver(mkdtempSync(join(tmpdir(), "vigil-console-none-")));
    const response = await bare.inject("/");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("npm run build");
    await bare.close();
  });
});

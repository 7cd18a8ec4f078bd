/**
 * The real filters, the real logs: pupils' requests go through Debian's e2guardian and Squid on
 * loopback to a small local web server; some are to a site on e2guardian's blocked list. Vigil then
 * ingests the logs the filters really wrote, in each of e2guardian's formats and Squid's native
 * one, and the stored events must name the user, the URL, whether it was blocked, and the category.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestLogFile } from "../../src/capture/file-ingest/ingest-log-file.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase, type VigilDatabase } from "../../src/db/open-database.js";
import { buildSchool } from "../../src/test-support/builders.js";
import {
  filtersInstalled,
  startE2guardian,
  startSquid,
  type RunningProxy,
} from "../support/filter-proxies.js";

// CI sets this so that a missing package fails the run instead of skipping the test.
const required = process.env.VIGIL_REQUIRE_FILTERS === "1";
const installed = filtersInstalled();
if (required && !installed) {
  throw new Error("Squid and e2guardian are required (apt-get install squid e2guardian) but not installed.");
}

const blockedHost = "casino.example";
const blockedCategory = "Gambling";
const lessonPage = "<html><body>lesson</body></html>";

/** The visits of a short lesson: two allowed, one to a blocked gambling site. */
function lessonVisits(webPort: number) {
  return [
    { user: "alice", url: `http://localhost:${webPort}/lessons/photosynthesis`, blocked: false },
    { user: "bob", url: `http://${blockedHost}/poker/tables`, blocked: true },
    { user: "carol", url: `http://localhost:${webPort}/search?q=volcano+facts`, blocked: false },
  ];
}

/** Sends a GET through an HTTP proxy with proxy authentication; resolves with the page's body. */
function getThroughProxy(proxyPort: number, url: string, user: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port: proxyPort,
        method: "GET",
        path: url,
        headers: {
          host: new URL(url).host,
          "proxy-authorization": `Basic ${Buffer.from(`${user}:any-password`).toString("base64")}`,
        },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => {
          resolve(body);
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** Waits until the filter has written `lines` lines (both log through a separate writer). */
async function waitForLines(path: string, lines: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      if (readFileSync(path, "utf8").trimEnd().split("\n").filter(Boolean).length >= lines) return;
    } catch {
      // Not created yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} did not reach ${lines} lines within 10 s`);
}

describe.skipIf(!installed)("real e2guardian and Squid logs, ingested", () => {
  // Lower case only: e2guardian lower-cases the paths of some list files it includes.
  const folder = join(tmpdir(), `vigil-filters-${randomUUID().slice(0, 8)}`);
  mkdirSync(folder);
  let database: VigilDatabase;
  let web: Server;
  let webPort: number;
  let squid: RunningProxy;
  let schoolId: string;

  beforeAll(async () => {
    database = await openDatabase(join(folder, "vigil.db"));
    await migrateToLatest(database.db);
    ({ schoolId } = await buildSchool(database));
    web = createServer((_request, response) => response.end(lessonPage));
    await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
    webPort = (web.address() as AddressInfo).port;
    squid = await startSquid(folder);
  });
  afterAll(async () => {
    await squid.stop();
    await new Promise((resolve) => web.close(resolve));
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const eventsOf = (source: string) =>
    database.db
      .selectFrom("events")
      .select(["user_name", "url", "action", "filter_category", "kind"])
      .where("school_id", "=", schoolId)
      .where("source", "=", source)
      .orderBy("user_name")
      .execute();

  const formats = [
    { logFormat: 1, parser: "e2guardian", name: "native (DansGuardian) format" },
    { logFormat: 2, parser: "e2guardian-csv", name: "CSV format" },
    { logFormat: 3, parser: "e2guardian-squid", name: "Squid-compatible format" },
    { logFormat: 6, parser: "e2guardian", name: "e2guardian 5 tab format (its default)" },
  ];

  it.each(formats)("e2guardian's $name: user, URL, blocked or allowed, category", async (format) => {
    const e2guardian = await startE2guardian(folder, {
      logFormat: format.logFormat,
      upstreamPort: squid.port,
      blockedSites: [blockedHost],
      category: blockedCategory,
    });
    const visits = lessonVisits(webPort);
    try {
      for (const visit of visits) {
        const body = await getThroughProxy(e2guardian.port, visit.url, visit.user);
        // A blocked request gets e2guardian's own block page, never the site.
        expect(body.includes(lessonPage), visit.url).toBe(!visit.blocked);
      }
      await waitForLines(e2guardian.logPath, visits.length);
    } finally {
      await e2guardian.stop();
    }

    const source = `e2guardian-${format.logFormat}`;
    const progress = await ingestLogFile({
      database,
      schoolId,
      source,
      format: format.parser,
      path: e2guardian.logPath,
    });
    expect(progress.malformedSamples).toEqual([]);
    expect(progress.stored).toBe(visits.length);

    const events = await eventsOf(source);
    expect(events.map((event) => event.user_name)).toEqual(["alice", "bob", "carol"]);
    for (const visit of visits) {
      const event = events.find((candidate) => candidate.user_name === visit.user);
      expect(event?.action, `${visit.user}: ${JSON.stringify(event)}`).toBe(
        visit.blocked ? "blocked" : "allowed",
      );
      // The Squid-compatible format has no room for the reason; the others name the category.
      if (visit.blocked && format.logFormat !== 3) expect(event?.filter_category).toBe(blockedCategory);
      expect(event?.url).toBe(visit.url);
    }
  });

  it("Squid's native log behind e2guardian: the allowed visits, with the authenticated user", async () => {
    await waitForLines(squid.logPath, 2);
    const progress = await ingestLogFile({
      database,
      schoolId,
      source: "squid",
      format: "squid",
      path: squid.logPath,
    });
    expect(progress.malformedSamples).toEqual([]);
    const events = await eventsOf("squid");
    // Each e2guardian run sent alice's and carol's visits on to Squid; bob's was stopped before it.
    expect(events.filter((event) => event.user_name === "bob")).toEqual([]);
    expect(events.filter((event) => event.user_name === "alice").length).toBe(formats.length);
    expect(events.filter((event) => event.user_name === "carol").length).toBe(formats.length);
    for (const event of events) {
      expect(event.action).toBe("allowed");
      expect(event.url).toContain(`localhost:${webPort}/`);
    }
  });
});

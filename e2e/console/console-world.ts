/**
 * A school for the console's browser tests: a safeguarding lead with a second factor (in two
 * schools, so the switcher shows), a simulated school day through the real detection pipeline,
 * a pupil whose typing raised alerts, and a source that went quiet two hours ago.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { simulatedSchoolDay } from "../../src/capture/demo/simulated-school-day.js";
import { feedEvents } from "../../src/console-api/test-support/console-world.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase, type VigilDatabase } from "../../src/db/open-database.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../src/identity/test-support/identity-builders.js";
import { loadConfig } from "../../src/platform/config/load-config.js";
import { createServer } from "../../src/platform/http/create-server.js";
import { markSetupComplete } from "../../src/setup/setup-state.js";
import { buildSchool } from "../../src/test-support/builders.js";

export interface ConsoleWorld {
  database: VigilDatabase;
  app: FastifyInstance;
  baseUrl: string;
  schoolId: string;
  lead: { email: string; secret: string };
  pupil: string;
  eventCount: number;
}

export const worldPupil = "jamie.cole@oak.example";

/** Builds the world and starts a listening server. */
export async function buildConsoleWorld(size: { pupils: number; hours: number }): Promise<ConsoleWorld> {
  const database = await openDatabase(join(mkdtempSync(join(tmpdir(), "vigil-console-e2e-")), "vigil.db"));
  await migrateToLatest(database.db);
  await markSetupComplete(database.db);
  const app = await createServer({ config: { ...loadConfig({}), logLevel: "silent" }, database });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });

  const { schoolId, organisationId } = await buildSchool(database, { name: "Oak Primary" });
  const second = await buildSchool(database, { name: "Birch Academy", organisationId });
  const { email } = await buildUser(database, {
    schoolId,
    role: "designated-safeguarding-lead",
    extra: [{ schoolId: second.schoolId, role: "designated-safeguarding-lead" }],
    email: "dsl@oak.example",
  });
  const { secret } = await enrolSecondFactor(await signInAs(app, email));

  const now = Date.now();
  const start = new Date(now - size.hours * 3_600_000);
  const day = [...simulatedSchoolDay({ pupils: size.pupils, hours: size.hours, start, seed: 7 })];
  for (let at = 0; at < day.length; at += 1_000) {
    await feedEvents(database, schoolId, day.slice(at, at + 1_000));
  }
  const concerning = [
    { kind: "typed-text", text: "honestly i want to kill myself" },
    { kind: "search", engine: "google", query: "where can i buy weed" },
  ];
  await feedEvents(
    database,
    schoolId,
    concerning.map((event, n) => ({
      id: `jamie-${n}`,
      time: new Date(now - (n + 1) * 600_000).toISOString(),
      source: "chrome-extension",
      user: worldPupil,
      device: "JC-IPAD",
      ...event,
    })),
  );
  await feedEvents(
    database,
    schoolId,
    [
      {
        id: "proxy-1",
        time: new Date(now - 7_200_000).toISOString(),
        source: "squid-proxy",
        device: "LAPTOP-001",
        kind: "web-visit",
        url: "https://www.bbc.co.uk/news",
      },
    ],
    new Date(now - 7_200_000).toISOString(),
  );
  return {
    database,
    app,
    baseUrl,
    schoolId,
    lead: { email, secret },
    pupil: worldPupil,
    eventCount: day.length + 3,
  };
}

/** Builders for capture tests: ingest keys written through the real commands, and API events. */
import { randomUUID } from "node:crypto";
import type { VigilDatabase } from "../../db/open-database.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { scopeOf } from "../../schools/school-scope.js";
import { testActor } from "../../test-support/builders.js";
import { createIngestKey } from "../ingest-keys/create-ingest-key.js";
import { revokeIngestKey } from "../ingest-keys/revoke-ingest-key.js";

/** Creates an ingest key for `schoolId` (revoked at once when asked); returns its id and secret. */
export async function buildIngestKey(
  database: VigilDatabase,
  schoolId: string,
  options: { name?: string; revoked?: boolean } = {},
): Promise<{ id: string; secret: string }> {
  const who = { actor: testActor, ip: "127.0.0.1" };
  const key = await inTransaction(database, who, (ctx) =>
    createIngestKey(ctx, { schoolId, name: options.name ?? "Test sender" }),
  );
  if (options.revoked) {
    await inTransaction(database, who, (ctx) => revokeIngestKey(ctx, scopeOf([schoolId]), key.id));
  }
  return key;
}

/** A valid API event of the given kind (typed text by default), with a fresh id. */
export function buildEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    time: "2025-03-05T10:15:00Z",
    source: "chrome-extension",
    user: "pupil.one@oak.example",
    device: "LAPTOP-07",
    kind: "typed-text",
    text: "see you at lunch",
    ...overrides,
  };
}

/**
 * `vigil demo`: posts a simulated school day through the real event API of a running server,
 * with progress, so people can see Vigil work (and operators can load-test it). Without `--key`
 * it makes a temporary ingest key for the school and revokes it at the end.
 */
import type { Command } from "commander";
import { eventLimits, type EventBatchResponse } from "../contracts/event.contract.js";
import { createIngestKey } from "../capture/ingest-keys/create-ingest-key.js";
import { revokeIngestKey } from "../capture/ingest-keys/revoke-ingest-key.js";
import { ensureDemoSafeguardingLead } from "../capture/demo/demo-safeguarding-lead.js";
import { demoSitesFromLists } from "../capture/demo/demo-sites.js";
import { schoolDaySize, simulatedSchoolDay } from "../capture/demo/simulated-school-day.js";
import { shippedUrlLists } from "../library/shipped-url-lookup.js";
import { cliActor } from "../platform/context/actor.js";
import { inTransaction } from "../platform/context/write-context.js";
import { scopeOf } from "../schools/school-scope.js";
import { resolveSchool } from "./resolve-school.js";
import { usageError } from "./cli-errors.js";
import { openConfiguredDatabase } from "./open-configured-database.js";

interface DemoOptions {
  pupils: string;
  hours: string;
  url?: string;
  key?: string;
  school?: string;
  senders: string;
}

/** Adds the `demo` command. */
export function addDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("Send a simulated school day to a running Vigil through its event API")
    .option("--pupils <n>", "how many pupils", "600")
    .option("--hours <n>", "how long the day is", "8")
    .option("--url <url>", "the server (default: VIGIL_PUBLIC_URL)")
    .option("--key <key>", "an ingest key (default: a temporary one for --school)")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--senders <n>", "concurrent senders", "4")
    .action(async (options: DemoOptions) => {
      const pupils = Number(options.pupils);
      const hours = Number(options.hours);
      const senders = Number(options.senders);
      if (!Number.isInteger(pupils) || pupils < 1 || pupils > 100_000)
        throw usageError("--pupils must be 1 to 100000.");
      if (!(hours > 0 && hours <= 24)) throw usageError("--hours must be more than 0 and at most 24.");
      if (!Number.isInteger(senders) || senders < 1 || senders > 64)
        throw usageError("--senders must be 1 to 64.");
      const { config, database } = await openConfiguredDatabase();
      let temporary: { id: string; schoolId: string } | undefined;
      try {
        let key = options.key;
        if (key === undefined) {
          const schoolId = await resolveSchool(database.db, options.school);
          const created = await inTransaction(database, { actor: cliActor(), ip: null }, (ctx) =>
            createIngestKey(ctx, { schoolId, name: "vigil demo (temporary)" }),
          );
          temporary = { id: created.id, schoolId };
          key = created.secret;
        }
        const url = (options.url ?? config.publicUrl).replace(/\/+$/, "");
        await sendDay(`${url}/api/v1/events`, key, { pupils, hours, senders });
        if (temporary) {
          const lead = await ensureDemoSafeguardingLead(database, cliActor(), temporary.schoolId);
          process.stdout.write(
            lead.password === null
              ? `Open ${url}/ and sign in as ${lead.email} (the demo safeguarding lead made earlier) to triage the alerts.\n`
              : `Open ${url}/ and sign in as the demo safeguarding lead to triage the alerts:\n` +
                  `  email:    ${lead.email}\n  password: ${lead.password}\n` +
                  `You will be asked to set up two-factor authentication first (any authenticator app). ` +
                  `Disable this account when the demo is over: npx vigil user disable ${lead.email}\n`,
          );
        } else {
          process.stdout.write(
            `Open ${url}/ and sign in as a safeguarding lead of the school to triage the alerts.\n`,
          );
        }
      } finally {
        if (temporary) {
          const { id, schoolId } = temporary;
          await inTransaction(database, { actor: cliActor(), ip: null }, (ctx) =>
            revokeIngestKey(ctx, scopeOf([schoolId]), id),
          );
        }
        await database.close();
      }
    });
}

async function sendDay(
  endpoint: string,
  key: string,
  options: { pupils: number; hours: number; senders: number },
) {
  const total = schoolDaySize(options);
  // Pupils visit sites from the shipped category lists, which the server then categorises.
  const day = simulatedSchoolDay({ ...options, sites: demoSitesFromLists(shippedUrlLists()) });
  const totals = { sent: 0, accepted: 0, duplicate: 0, rejected: 0 };
  const started = Date.now();
  let shownAt = 0;
  const nextBatch = () => {
    const batch = [];
    for (let i = 0; i < eventLimits.batchMaxEvents / 2; i++) {
      const item = day.next();
      if (item.done) break;
      batch.push(item.value);
    }
    return batch;
  };
  const sender = async () => {
    for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
      const body = await postWithRetry(endpoint, key, batch);
      totals.sent += batch.length;
      totals.accepted += body.accepted;
      totals.duplicate += body.duplicate;
      totals.rejected += body.rejected;
      if (Date.now() - shownAt >= 1_000) {
        shownAt = Date.now();
        const rate = Math.round(totals.sent / ((Date.now() - started) / 1000));
        process.stderr.write(`… ${totals.sent} of ${total} events (${rate}/s)\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.senders }, sender));
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `Sent a ${options.hours}-hour day for ${options.pupils} pupils: ${totals.sent} events in ${seconds.toFixed(1)} s ` +
      `(${Math.round(totals.sent / seconds)}/s); ${totals.accepted} accepted, ${totals.duplicate} already there, ` +
      `${totals.rejected} rejected. Alerts appear as the detection pipeline catches up.\n`,
  );
}

/** Posts a batch; on 429 waits as told and sends it again, so nothing is dropped. */
async function postWithRetry(endpoint: string, key: string, events: unknown[]): Promise<EventBatchResponse> {
  for (;;) {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ events }),
    });
    if (response.status === 429) {
      const wait = Number(response.headers.get("retry-after") ?? "1");
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    if (!response.ok) {
      throw usageError(`The server answered ${response.status} at ${endpoint}: ${await response.text()}`);
    }
    return (await response.json()) as EventBatchResponse;
  }
}

/**
 * `vigil ingest-key create|list|revoke`: the keys senders use for `POST /api/v1/events`, one
 * school each. A new key is printed once; only its hash is stored. Creating and revoking are audited.
 */
import type { Command } from "commander";
import { limits } from "../contracts/limits.js";
import { createIngestKey } from "../capture/ingest-keys/create-ingest-key.js";
import { findIngestKeys } from "../capture/ingest-keys/ingest-key.repository.js";
import { revokeIngestKey } from "../capture/ingest-keys/revoke-ingest-key.js";
import { cliActor } from "../platform/context/actor.js";
import { inTransaction } from "../platform/context/write-context.js";
import { operatorScope } from "../schools/school.repository.js";
import { usageError } from "./cli-errors.js";
import { resolveSchool } from "./resolve-school.js";
import { openConfiguredDatabase } from "./open-configured-database.js";

/** Adds the `ingest-key` command group. */
export function addIngestKeyCommand(program: Command): void {
  const group = program.command("ingest-key").description("Keys that let senders post events for a school");
  group
    .command("create")
    .description("Create a key for one sender (shown once)")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption("--name <name>", 'what sends with it, e.g. "Squid proxy"')
    .action(async (options: { school?: string; name: string }) => {
      const name = options.name.trim();
      if (name.length === 0 || name.length > limits.nameMaxLength) {
        throw usageError(`--name must be 1 to ${limits.nameMaxLength} characters.`);
      }
      const { config, database } = await openConfiguredDatabase();
      try {
        const schoolId = await resolveSchool(database.db, options.school);
        const key = await inTransaction(database, { actor: cliActor(), ip: null }, (ctx) =>
          createIngestKey(ctx, { schoolId, name }),
        );
        process.stdout.write(
          [
            `Created ingest key ${key.id} ("${name}") for school ${schoolId}.`,
            ``,
            `  ${key.secret}`,
            ``,
            `This is the only time the key is shown: put it in the sender's configuration now.`,
            `Senders post to ${config.publicUrl}/api/v1/events with the header "Authorization: Bearer <key>".`,
            ``,
          ].join("\n"),
        );
      } finally {
        await database.close();
      }
    });
  group
    .command("list")
    .description("List the keys (never the secrets), with their last use")
    .action(async () => {
      const { database } = await openConfiguredDatabase();
      try {
        const keys = await findIngestKeys(database.db, await operatorScope(database.db));
        if (keys.length === 0)
          process.stdout.write("No ingest keys yet: `vigil ingest-key create --name ...`.\n");
        for (const key of keys) {
          const state = key.revoked_at ? `revoked ${key.revoked_at} by ${key.revoked_by ?? "?"}` : "live";
          const used = key.last_used_at ? `last used ${key.last_used_at}` : "never used";
          process.stdout.write(
            `${key.id}  ${key.key_prefix}…  "${key.name}"  school ${key.school_id}  ${state}, ${used}\n`,
          );
        }
      } finally {
        await database.close();
      }
    });
  group
    .command("revoke")
    .description("Revoke a key now: its sender gets 403 from then on")
    .argument("<id>", "the key's id, from `vigil ingest-key list`")
    .action(async (id: string) => {
      const { database } = await openConfiguredDatabase();
      try {
        const scope = await operatorScope(database.db);
        await inTransaction(database, { actor: cliActor(), ip: null }, (ctx) =>
          revokeIngestKey(ctx, scope, id),
        );
        process.stdout.write(`Revoked ingest key ${id}.\n`);
      } finally {
        await database.close();
      }
    });
}

/**
 * `vigil token create|revoke|list`: API tokens for integrations (capture agents, directory sync).
 * A new token is printed once; Vigil keeps only its hash.
 */
import type { Command } from "commander";
import { CreateApiTokenRequestSchema } from "../contracts/identity-admin.contract.js";
import { findApiTokens, parseScopes } from "../identity/api-tokens/api-token.repository.js";
import { createApiToken } from "../identity/api-tokens/create-api-token.js";
import { revokeApiToken } from "../identity/api-tokens/revoke-api-token.js";
import { tokenScopes } from "../platform/authz/policy-table.js";
import { AppError, validationError } from "../platform/errors/app-error.js";
import { scopeOf } from "../schools/school-scope.js";
import { operatorScope } from "../schools/school.repository.js";
import { resolveSchool } from "./resolve-school.js";
import { asOperator, withDatabase } from "./with-database.js";

/** Adds the `token` command group. */
export function addTokenCommand(program: Command): void {
  const token = program.command("token").description("Manage API tokens for integrations");

  token
    .command("create")
    .description("Create an API token for one school; it is printed once")
    .requiredOption("--school <school>", "the school's name or id")
    .requiredOption("--name <name>", 'what uses it, e.g. "Capture agent, Oak site"')
    .requiredOption("--scope <scope...>", `one or more of ${tokenScopes.join(", ")}`)
    .action(async (options: { school: string; name: string; scope: string[] }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const parsed = CreateApiTokenRequestSchema.safeParse({
          schoolId,
          name: options.name,
          scopes: options.scope,
        });
        if (!parsed.success) throw validationError(parsed.error.issues, "The new token");
        const created = await asOperator(database, (ctx) => createApiToken(ctx, parsed.data));
        process.stdout.write(
          `Created API token ${created.id}. Copy it now; it is not shown again:\n${created.token}\n`,
        );
      });
    });

  token
    .command("revoke <id>")
    .description("Revoke an API token: it stops working at once")
    .action(async (id: string) => {
      await withDatabase(async (database) => {
        const found = await database.db
          .selectFrom("api_tokens")
          .select(["id", "school_id", "name"])
          .where("id", "=", id)
          .executeTakeFirst();
        if (!found)
          throw new AppError("not_found", `No API token has the id ${id}.`, {
            hint: "See `vigil token list`.",
          });
        const revoked = await asOperator(database, (ctx) => revokeApiToken(ctx, found));
        process.stdout.write(
          revoked ? `Revoked API token ${id} (${found.name}).\n` : `API token ${id} was already revoked.\n`,
        );
      });
    });

  token
    .command("list")
    .description("List API tokens (never their secrets)")
    .option("--school <school>", "the school's name or id")
    .action(async (options: { school?: string }) => {
      await withDatabase(async (database) => {
        const scope = options.school
          ? scopeOf([await resolveSchool(database.db, options.school)])
          : await operatorScope(database.db);
        const tokens = await findApiTokens(database.db, scope);
        for (const entry of tokens) {
          const state = entry.revoked_at ? "revoked" : `last used ${entry.last_used_at ?? "never"}`;
          process.stdout.write(
            `${entry.id}\t${entry.name}\t${parseScopes(entry.scopes).join(",")}\t${state}\n`,
          );
        }
        if (tokens.length === 0) process.stdout.write("No API tokens.\n");
      });
    });
}

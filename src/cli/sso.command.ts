/**
 * `vigil sso add|list|remove`: a school's single sign-on providers from the server's shell. The
 * client secret comes from standard input or VIGIL_SSO_CLIENT_SECRET, never the command line
 * (which other users of the machine can see). Every change is audited as the operator.
 */
import type { Command } from "commander";
import { CreateIdentityProviderRequestSchema, identityProviderKinds } from "../contracts/sso.contract.js";
import { addIdentityProvider } from "../identity/sso/add-identity-provider.js";
import { clientSecretKey } from "../identity/sso/client-secret-seal.js";
import { presentIdentityProvider } from "../identity/sso/identity-provider.presenter.js";
import {
  findIdentityProviderById,
  findIdentityProviders,
} from "../identity/sso/identity-provider.repository.js";
import { checkDiscovery } from "../identity/sso/provider-configuration.js";
import { removeIdentityProvider } from "../identity/sso/remove-identity-provider.js";
import { AppError, validationError } from "../platform/errors/app-error.js";
import { scopeOf } from "../schools/school-scope.js";
import { usageError } from "./cli-errors.js";
import { openConfiguredDatabase } from "./open-configured-database.js";
import { readStdin } from "./read-stdin.js";
import { resolveSchool } from "./resolve-school.js";
import { asOperator } from "./with-database.js";

type AddOptions = {
  school?: string;
  kind: string;
  issuer?: string;
  clientId: string;
  clientSecretStdin?: boolean;
  domain: string[];
  label?: string;
  trustProviderMfa?: boolean;
  check: boolean;
};

/** Adds the `sso` command group. */
export function addSsoCommand(program: Command): void {
  const sso = program.command("sso").description("Single sign-on (OpenID Connect) providers of a school");

  sso
    .command("add")
    .description("Add an identity provider (Google Workspace, Microsoft Entra ID or any OpenID provider)")
    .option("--school <school>", "the school's name or id")
    .requiredOption("--kind <kind>", identityProviderKinds.join(", "))
    .option("--issuer <url>", "the issuer; for Microsoft https://login.microsoftonline.com/<tenant id>/v2.0")
    .requiredOption("--client-id <id>", "the client (application) id the provider gave")
    .option(
      "--client-secret-stdin",
      "read the client secret from standard input (else VIGIL_SSO_CLIENT_SECRET)",
    )
    .requiredOption("--domain <domain>", "an email domain allowed to sign in (repeat for more)", collect, [])
    .option("--label <label>", 'the button text after "Sign in with"')
    .option("--trust-provider-mfa", "skip Vigil's second factor when the provider reports MFA (amr)")
    .option("--no-check", "do not fetch the issuer's discovery document first")
    .action(async (options: AddOptions) => {
      const clientSecret = options.clientSecretStdin
        ? await readStdin()
        : process.env.VIGIL_SSO_CLIENT_SECRET;
      if (clientSecret === undefined) {
        throw usageError(
          "No client secret given.",
          "Pipe it in with --client-secret-stdin, or set VIGIL_SSO_CLIENT_SECRET.",
        );
      }
      const parsed = CreateIdentityProviderRequestSchema.safeParse({
        kind: options.kind,
        issuer: options.issuer,
        label: options.label,
        clientId: options.clientId,
        clientSecret,
        allowedDomains: options.domain,
        trustProviderMfa: options.trustProviderMfa ?? false,
      });
      if (!parsed.success) throw validationError(parsed.error.issues, "The identity provider");
      if (options.check)
        await checkDiscovery(parsed.data.issuer, parsed.data.clientId, parsed.data.clientSecret);
      await withConfiguredDatabase(async ({ config, database }) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const key = await clientSecretKey(database.db, config);
        const id = await asOperator(database, (ctx) =>
          addIdentityProvider(ctx, { ...parsed.data, schoolId }, key),
        );
        const row = await findIdentityProviderById(database.db, id);
        if (!row) throw new Error("identity provider vanished");
        const shown = presentIdentityProvider(row, config.publicUrl);
        process.stdout.write(
          `Added ${shown.label} (${shown.id}).\nRegister this redirect URI with the provider: ${shown.redirectUri}\n`,
        );
      });
    });

  sso
    .command("list")
    .description("List a school's identity providers (never their secrets)")
    .option("--school <school>", "the school's name or id")
    .action(async (options: { school?: string }) => {
      await withConfiguredDatabase(async ({ config, database }) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const rows = await findIdentityProviders(database.db, scopeOf([schoolId]));
        for (const row of rows) {
          const shown = presentIdentityProvider(row, config.publicUrl);
          const mfa = shown.trustProviderMfa ? "\ttrusts provider MFA" : "";
          process.stdout.write(
            `${shown.id}\t${shown.kind}\t${shown.label}\t${shown.issuer}\t${shown.allowedDomains.join(",")}\t${shown.redirectUri}${mfa}\n`,
          );
        }
        if (rows.length === 0) process.stdout.write("No identity providers.\n");
      });
    });

  sso
    .command("remove <providerId>")
    .description("Remove an identity provider: sign-ins through it stop at once")
    .option("--school <school>", "the school's name or id")
    .action(async (providerId: string, options: { school?: string }) => {
      await withConfiguredDatabase(async ({ database }) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const row = await findIdentityProviderById(database.db, providerId);
        if (row?.school_id !== schoolId) {
          throw new AppError("not_found", `The school has no identity provider ${providerId}.`, {
            hint: "See them with `vigil sso list`.",
          });
        }
        await asOperator(database, (ctx) => removeIdentityProvider(ctx, row));
        process.stdout.write(`Removed ${row.label} (${row.id}).\n`);
      });
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function withConfiguredDatabase(
  work: (opened: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<void>,
): Promise<void> {
  const opened = await openConfiguredDatabase();
  try {
    await work(opened);
  } finally {
    await opened.database.close();
  }
}

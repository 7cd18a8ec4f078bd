/**
 * Reading identity providers. Administrators' lists are school-scoped; the sign-in routes find a
 * provider by its id (the provider names its own school) or by the domain of an email address.
 */
import type { Kysely, Selectable } from "kysely";
import type { Database, IdentityProvidersTable } from "../../db/schema.js";
import { schoolInScope, type SchoolScope } from "../../schools/school-scope.js";

export type IdentityProviderRow = Selectable<IdentityProvidersTable>;

/** The providers of the schools in `scope`, oldest first. */
export function findIdentityProviders(
  db: Kysely<Database>,
  scope: SchoolScope,
): Promise<IdentityProviderRow[]> {
  return db
    .selectFrom("identity_providers")
    .selectAll()
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The provider with `id`, wherever it is. */
export function findIdentityProviderById(
  db: Kysely<Database>,
  id: string,
): Promise<IdentityProviderRow | undefined> {
  return db.selectFrom("identity_providers").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Providers that allow addresses at `domain` (few rows per instance, so the JSON is read here). */
export async function findIdentityProvidersForDomain(
  db: Kysely<Database>,
  domain: string,
): Promise<IdentityProviderRow[]> {
  const rows = await db.selectFrom("identity_providers").selectAll().orderBy("created_at").execute();
  return rows.filter((row) => allowedDomainsOf(row).includes(domain));
}

/** The provider's allowed email domains. */
export function allowedDomainsOf(row: { allowed_domains: string }): string[] {
  const parsed: unknown = JSON.parse(row.allowed_domains);
  return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === "string") : [];
}

/** The domain of an email address, lower-cased. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

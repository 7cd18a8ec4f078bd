/** The directory: pupils, staff and devices of each school, imported from the MIS. */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const directory: Migration = {
  name: "0010-directory",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("pupils")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("external_id", "text", (c) => c.notNull())
      .addColumn("given_name", "text", (c) => c.notNull())
      .addColumn("family_name", "text", (c) => c.notNull())
      .addColumn("year_group", "text")
      .addColumn("form", "text")
      .addColumn("sen", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("eal", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("joined_on", "text")
      .addColumn("left_on", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    // A re-import finds each pupil by the MIS's own id, so a renamed pupil stays one record.
    await db.schema
      .createIndex("pupils_external")
      .on("pupils")
      .columns(["school_id", "external_id"])
      .unique()
      .execute();
    // The list's keyset order: family name, given name, id.
    await db.schema
      .createIndex("pupils_by_name")
      .on("pupils")
      .columns(["school_id", "family_name", "given_name", "id"])
      .execute();

    await db.schema
      .createTable("directory_staff")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("external_id", "text", (c) => c.notNull())
      .addColumn("given_name", "text", (c) => c.notNull())
      .addColumn("family_name", "text", (c) => c.notNull())
      .addColumn("email", "text")
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.references("users.id"))
      .addColumn("left_on", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("directory_staff_external")
      .on("directory_staff")
      .columns(["school_id", "external_id"])
      .unique()
      .execute();

    // The names capture sees (network logon, Google or Microsoft account, email), several per person.
    await db.schema
      .createTable("directory_identifiers")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("identifier", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("person_kind", "text", (c) => c.notNull())
      .addColumn("person_id", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("directory_identifiers_lookup")
      .on("directory_identifiers")
      .columns(["school_id", "identifier"])
      .execute();
    await db.schema
      .createIndex("directory_identifiers_person")
      .on("directory_identifiers")
      .columns(["person_id", "identifier"])
      .unique()
      .execute();

    await db.schema
      .createTable("devices")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("hostname", "text")
      .addColumn("mac", "text")
      .addColumn("pupil_id", "text", (c) => c.references("pupils.id"))
      .addColumn("staff_id", "text", (c) => c.references("directory_staff.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("devices_name")
      .on("devices")
      .columns(["school_id", "name"])
      .unique()
      .execute();

    await db.schema
      .createTable("directory_imports")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("org_sourced_id", "text")
      .addColumn("full_import", "integer", (c) => c.notNull())
      .addColumn("added", "integer", (c) => c.notNull())
      .addColumn("changed", "integer", (c) => c.notNull())
      .addColumn("left", "integer", (c) => c.notNull())
      .addColumn("unchanged", "integer", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("directory_imports_by_school")
      .on("directory_imports")
      .columns(["school_id", "created_at"])
      .execute();
  },
};

/**
 * `vigil notifications contacts|policies|deliveries`: who is told about alerts, in what order, and
 * what was sent. `vigil jobs run-due` runs the job queue that sends it, for cron-style operation.
 */
import type { Command } from "commander";
import {
  ContactInputSchema,
  PolicyInputSchema,
  type DeliveryView,
} from "../contracts/notification.contract.js";
import { AGE_GROUPS } from "../directory/age-group.js";
import { findContacts, presentContact } from "../notifications/contact.repository.js";
import { defaultPolicyTemplates } from "../notifications/default-policies.js";
import { findDeliveries } from "../notifications/delivery.repository.js";
import { findPolicies, presentPolicy } from "../notifications/policy.repository.js";
import { removeContact, saveContact } from "../notifications/save-contact.js";
import { removePolicy, savePolicy } from "../notifications/save-policy.js";
import { validationError } from "../platform/errors/app-error.js";
import { scopeOf } from "../schools/school-scope.js";
import { resolveSchool } from "./resolve-school.js";
import { asOperator, withDatabase } from "./with-database.js";

interface ContactOptions {
  school?: string;
  name: string;
  email?: string;
  webhook?: string;
  hours?: string;
  days: string;
  timeZone: string;
  digest: string[];
}

interface PolicyOptions {
  school?: string;
  name: string;
  category: string[];
  ageGroup: string[];
  minSeverity: string;
  atOnce?: boolean;
  aboutStaff?: boolean;
  chain: string;
  deadline: string[];
}

interface DefaultsOptions {
  school?: string;
  dsl: string;
  deputy?: string;
  networkManager?: string;
  head?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds the `notifications` command group. */
export function addNotificationsCommand(program: Command): void {
  const group = program.command("notifications").description("Alert routing, escalation and notifications");
  const contacts = group.command("contacts").description("Who can be told about alerts");
  contacts
    .command("list")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .action(async (options: { school?: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const rows = (await findContacts(database.db, scopeOf([schoolId]))).map(presentContact);
        if (rows.length === 0)
          process.stdout.write("No contacts yet: add one with `vigil notifications contacts add`.\n");
        for (const c of rows) {
          const hours = c.workingHours
            ? `${c.workingHours.days.join(",")} ${c.workingHours.start}-${c.workingHours.end} ${c.workingHours.timeZone}`
            : "any time";
          const to = [c.email, c.webhookUrl].filter(Boolean).join(", ");
          process.stdout.write(
            `${c.id}  ${c.name}  <${to}>  ${hours}  digests: ${c.digests.join(",") || "none"}\n`,
          );
        }
      });
    });
  contacts
    .command("add")
    .description("Add a contact with an email address and/or a webhook")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption("--name <name>", "who they are, e.g. 'Sam Lee (DSL)'")
    .option("--email <address>", "email address")
    .option(
      "--webhook <url>",
      "webhook URL (Slack, Teams or your own receiver); a signing secret is printed once",
    )
    .option("--hours <start-end>", "working hours, e.g. 08:00-17:00 (default: any time)")
    .option("--days <days>", "working days", "mon,tue,wed,thu,fri")
    .option("--time-zone <zone>", "time zone of the working hours", "Europe/London")
    .option("--digest <period>", "daily or weekly digest (repeatable)", collect, [])
    .action(async (options: ContactOptions) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const [start, end] = (options.hours ?? "").split("-");
        const parsed = ContactInputSchema.safeParse({
          name: options.name,
          email: options.email,
          webhookUrl: options.webhook,
          workingHours: options.hours
            ? { days: options.days.split(","), start, end, timeZone: options.timeZone }
            : null,
          digests: options.digest,
        });
        if (!parsed.success) throw validationError(parsed.error.issues, "The contact");
        const saved = await asOperator(database, (ctx) => saveContact(ctx, schoolId, parsed.data));
        process.stdout.write(`Added contact ${saved.id}.\n`);
        if (saved.webhookSecret) {
          process.stdout.write(
            `Webhook signing secret (shown once; the receiver checks X-Vigil-Signature with it): ${saved.webhookSecret}\n`,
          );
        }
      });
    });
  contacts
    .command("remove")
    .argument("<contactId>")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .action(async (contactId: string, options: { school?: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        await asOperator(database, (ctx) => removeContact(ctx, schoolId, contactId));
        process.stdout.write(`Removed contact ${contactId}.\n`);
      });
    });

  const policies = group.command("policies").description("Who is told about which alerts, and escalation");
  policies
    .command("list")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .action(async (options: { school?: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const rows = (await findPolicies(database.db, scopeOf([schoolId]))).map(presentPolicy);
        if (rows.length === 0) process.stdout.write("No policies yet: alerts are not sent to anyone.\n");
        for (const p of rows) {
          const deadlines = Object.entries(p.deadlines)
            .map(([severity, minutes]) => `s${severity}:${String(minutes)}m`)
            .join(" ");
          process.stdout.write(
            `${p.id}  ${p.name}\n    categories: ${p.categories.join(",") || "all"}  age groups: ${p.ageGroups.join(",") || "all"}${p.aboutStaff ? "  about staff only" : ""}  severity >= ${String(p.minSeverity)}  ${p.atOnce ? "at once, day or night" : "working hours"}${p.enabled ? "" : "  (off)"}\n    chain: ${p.chain.join(" -> ")}\n    deadlines: ${deadlines}\n`,
          );
        }
      });
    });
  policies
    .command("add")
    .description("Add a routing and escalation policy")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption("--name <name>", "what it is for")
    .option("--category <category>", "a category it covers (repeatable; none: every category)", collect, [])
    .option(
      "--age-group <group>",
      `an age group it covers (repeatable; none: everyone): ${AGE_GROUPS.join(", ")}`,
      collect,
      [],
    )
    .option("--min-severity <n>", "lowest severity it covers, 1 to 5", "1")
    .option("--at-once", "tell the chain day or night, ignoring working hours")
    .option(
      "--about-staff",
      "only alerts about a member of staff (a user name the directory holds for staff)",
    )
    .requiredOption("--chain <ids>", "contact ids in escalation order, comma-separated")
    .option("--deadline <severity=minutes>", "acknowledgement deadline, e.g. 5=15 (repeatable)", collect, [])
    .action(async (options: PolicyOptions) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const deadlines = Object.fromEntries(
          options.deadline.map((entry) => {
            const [severity, minutes] = entry.split("=");
            return [severity ?? "", Number(minutes)];
          }),
        );
        const parsed = PolicyInputSchema.safeParse({
          name: options.name,
          categories: options.category,
          ageGroups: options.ageGroup,
          minSeverity: Number(options.minSeverity),
          atOnce: options.atOnce === true,
          aboutStaff: options.aboutStaff === true,
          chain: options.chain.split(",").map((id) => id.trim()),
          deadlines,
        });
        if (!parsed.success) throw validationError(parsed.error.issues, "The policy");
        const id = await asOperator(database, (ctx) => savePolicy(ctx, schoolId, parsed.data));
        process.stdout.write(`Added policy ${id}.\n`);
      });
    });
  policies
    .command("add-defaults")
    .description("Add the default policies (DSL at once for self-harm and grooming at 4+, ...)")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption("--dsl <contactId>", "the designated safeguarding lead's contact")
    .option("--deputy <contactId>", "the deputy DSL's contact (second in the chain)")
    .option("--network-manager <contactId>", "the network manager's contact (filter avoidance)")
    .option("--head <contactId>", "the head teacher's contact (anything about a member of staff)")
    .action(async (options: DefaultsOptions) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const templates = defaultPolicyTemplates(options);
        await asOperator(database, async (ctx) => {
          for (const template of templates) await savePolicy(ctx, schoolId, template);
        });
        process.stdout.write(`Added ${String(templates.length)} policies:\n`);
        for (const template of templates) process.stdout.write(`  ${template.name}\n`);
      });
    });
  policies
    .command("remove")
    .argument("<policyId>")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .action(async (policyId: string, options: { school?: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        await asOperator(database, (ctx) => removePolicy(ctx, schoolId, policyId));
        process.stdout.write(`Removed policy ${policyId}.\n`);
      });
    });

  group
    .command("deliveries")
    .description("Recent messages: status, attempts and last error")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--status <status>", "only pending, retrying, sent, grouped or failed")
    .action(async (options: { school?: string; status?: DeliveryView["status"] }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const rows = await findDeliveries(
          database.db,
          scopeOf([schoolId]),
          options.status ? { status: options.status } : {},
        );
        if (rows.length === 0) process.stdout.write("No deliveries.\n");
        for (const d of rows) {
          const more = d.groupedCount ? ` (+${String(d.groupedCount)} grouped)` : "";
          const error = d.lastError ? `  last error: ${d.lastError}` : "";
          process.stdout.write(
            `${d.createdAt}  ${d.status}  ${d.channel} ${d.kind}${more}  attempts ${String(d.attempts)}  contact ${d.contactId}${error}\n`,
          );
        }
      });
    });
}

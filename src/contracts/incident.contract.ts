/** Incidents: recording one, reporting a concern, changing fields, chronology, actions, closing. */
import { z } from "zod";

/** Rejects a date after now (with a minute of clock slack), naming the reason. */
const pastDate = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be an ISO date-time, e.g. 2026-11-20T10:30:00Z` })
    .or(z.iso.date({ error: `${field} must be a date such as 2026-11-20` }))
    .refine(
      (value) => Date.parse(value) <= Date.now() + 60_000,
      `${field} is in the future: record an incident once it has happened`,
    );

const day = (field: string) => z.iso.date({ error: `${field} must be a date such as 2026-12-01` });
const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} must be at most ${max} characters`);
const optionalText = (field: string, max: number) =>
  z.string().trim().max(max, `${field} must be at most ${max} characters`).optional();

export const personKinds = ["pupil", "staff", "visitor"] as const;
export const involvements = ["subject", "witness", "reporter", "victim", "other"] as const;
export const classifications = ["none", "public", "protected", "restricted"] as const;
export const incidentStatuses = ["open", "in-progress", "closed"] as const;

export const IncidentPersonSchema = z
  .object({
    kind: z.enum(personKinds, { error: `kind must be one of ${personKinds.join(", ")}` }),
    involvement: z.enum(involvements, { error: `involvement must be one of ${involvements.join(", ")}` }),
    name: optionalText("name", 200),
    userName: optionalText("userName", 200),
  })
  .refine((person) => Boolean(person.name) || Boolean(person.userName), {
    message: "give the person's name or user name",
    path: ["name"],
  });

const url = z.url({ protocol: /^https?$/, error: "each website must be an http:// or https:// URL" });

/** A full incident record, as a safeguarding lead enters it. */
export const IncidentCreateSchema = z.object({
  type: text("type", 120),
  incidentDate: pastDate("incidentDate"),
  summary: text("summary", 200),
  description: text("description", 10_000),
  informationClassification: z
    .enum(classifications, {
      error: `informationClassification must be one of ${classifications.join(", ")}`,
    })
    .default("none"),
  people: z.array(IncidentPersonSchema).max(50).default([]),
  device: optionalText("device", 200),
  websites: z.array(url).max(50).default([]),
  immediateAction: optionalText("immediateAction", 5_000),
  furtherAction: optionalText("furtherAction", 5_000),
  legalImplications: optionalText("legalImplications", 5_000),
});
export type IncidentCreate = z.infer<typeof IncidentCreateSchema>;

/** "Report a concern": who, what, when, and optionally where. Under a minute to fill in. */
export const ConcernReportSchema = z.object({
  who: text("who", 200),
  whoKind: z
    .enum(personKinds, { error: `whoKind must be one of ${personKinds.join(", ")}` })
    .default("pupil"),
  what: text("what", 5_000),
  when: pastDate("when"),
  url: url.optional(),
});
export type ConcernReport = z.infer<typeof ConcernReportSchema>;

/** Raising an incident from alerts: which alerts, and the incident's type and summary. */
export const RaiseFromAlertsSchema = z.object({
  alertIds: z
    .array(z.uuid({ error: "each alert id must be a UUID" }))
    .min(1, "name at least one alert")
    .max(50),
  type: text("type", 120),
  summary: text("summary", 200),
});
export type RaiseFromAlerts = z.infer<typeof RaiseFromAlertsSchema>;

/** The fields that can change after recording; each change is kept with its old value. */
export const IncidentUpdateSchema = z
  .object({
    type: text("type", 120).optional(),
    status: z
      .enum(["open", "in-progress"], { error: "status must be open or in-progress (close with /close)" })
      .optional(),
    incidentDate: pastDate("incidentDate").optional(),
    summary: text("summary", 200).optional(),
    description: text("description", 10_000).optional(),
    informationClassification: z.enum(classifications).optional(),
    device: optionalText("device", 200),
    websites: z.array(url).max(50).optional(),
    immediateAction: optionalText("immediateAction", 5_000),
    furtherAction: optionalText("furtherAction", 5_000),
    legalImplications: optionalText("legalImplications", 5_000),
    reason: text("reason", 500),
  })
  .refine((update) => Object.keys(update).some((key) => key !== "reason"), {
    message: "name at least one field to change",
    path: ["type"],
  });
export type IncidentUpdate = z.infer<typeof IncidentUpdateSchema>;

export const timelineKinds = ["note", "action", "decision", "contact", "document"] as const;

/** A chronology entry written by a person; `corrects` names the entry it corrects. */
export const TimelineEntryCreateSchema = z.object({
  kind: z.enum(timelineKinds, { error: `kind must be one of ${timelineKinds.join(", ")}` }),
  body: text("body", 10_000),
  corrects: z.uuid({ error: "corrects must be the id of an earlier entry" }).optional(),
});
export type TimelineEntryCreate = z.infer<typeof TimelineEntryCreateSchema>;

export const referralAgencies = ["police", "lado", "ceop", "childrens-services", "prevent", "iwf"] as const;

/** An action or outcome: a task, a sanction, parents informed, a referral, internet access withdrawn. */
export const IncidentActionCreateSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("task"),
      description: text("description", 2_000),
      owner: text("owner", 200),
      dueOn: day("dueOn"),
    }),
    z.object({
      kind: z.literal("sanction"),
      description: text("description", 2_000),
      happenedOn: day("happenedOn"),
    }),
    z.object({
      kind: z.literal("referral"),
      agency: z.enum(referralAgencies, { error: `agency must be one of ${referralAgencies.join(", ")}` }),
      description: text("description", 2_000),
      happenedOn: day("happenedOn"),
      reference: optionalText("reference", 200),
      followUpDueOn: day("followUpDueOn").optional(),
    }),
    z.object({
      kind: z.literal("access-withdrawn"),
      description: text("description", 2_000),
      userName: text("userName", 200),
      untilOn: day("untilOn"),
    }),
  ],
  { error: "kind must be task, sanction, referral or access-withdrawn" },
);
export type IncidentActionCreate = z.infer<typeof IncidentActionCreateSchema>;

/** Producing the letter to parents or carers; `sentOn` records when it was sent. */
export const ParentLetterSchema = z.object({
  parentName: text("parentName", 200),
  pupilName: text("pupilName", 200),
  sentOn: day("sentOn").optional(),
  /** `text` answers with the letter's text (the console's preview) instead of the PDF. */
  format: z.enum(["pdf", "text"]).default("pdf"),
});
export type ParentLetter = z.infer<typeof ParentLetterSchema>;

export const IncidentCloseSchema = z.object({ outcome: text("outcome", 5_000) });

export const NameViewerSchema = z.object({ userId: z.uuid({ error: "userId must be a user's id" }) });

export const IncidentSettingsSchema = z.object({
  twoPersonReview: z.boolean().optional(),
  letterTemplate: z.string().trim().min(20, "the template is too short").max(20_000).optional(),
});

export const IncidentTypeCreateSchema = z.object({ label: text("label", 120) });

export const IncidentListQuerySchema = z.object({
  status: z.enum(incidentStatuses).optional(),
  type: z.string().max(120).optional(),
  person: z.string().max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** Builders for alert tests: signals and alerts written through the real alert sink. */
import { randomUUID } from "node:crypto";
import type { VigilDatabase } from "../../db/open-database.js";
import type { AlertSignal } from "../alert-signal.js";
import { recordAlerts } from "../record-alert.js";

/** A self-harm signal about `user` in `schoolId`; pass fields to change it. */
export function buildSignal(schoolId: string, fields: Partial<AlertSignal> = {}): AlertSignal {
  return {
    schoolId,
    eventId: randomUUID(),
    time: new Date().toISOString(),
    userName: "pupil.one",
    device: "LAB-PC-07",
    ip: "10.0.0.7",
    url: "https://chat.example.com/room",
    severity: 4,
    categories: ["self-harm"],
    ruleIds: ["en.self-harm.kill-myself"],
    explanation: {
      libraryVersion: "test",
      profile: "secondary",
      matches: [
        {
          ruleId: "en.self-harm.kill-myself",
          category: "self-harm",
          text: "kill myself",
          weight: 100,
          severity: 4,
        },
      ],
      scores: [{ category: "self-harm", score: 100, threshold: 100 }],
      url: [],
      eventKind: "typed-text",
      action: null,
    },
    evidence: "sometimes I want to kill myself",
    createdBy: "test",
    ...fields,
  };
}

/** Records one signal as a new alert (a fresh user each time unless given); returns its id. */
export async function buildAlert(
  database: VigilDatabase,
  schoolId: string,
  fields: Partial<AlertSignal> = {},
): Promise<string> {
  const signal = buildSignal(schoolId, { userName: `pupil.${randomUUID().slice(0, 8)}`, ...fields });
  const recorded = await database.db
    .transaction()
    .execute((trx) => recordAlerts(trx, database.capabilities, [signal]));
  const alert = recorded.alerts[0];
  if (!alert) throw new Error("the signal was suppressed; no alert was built");
  return alert.id;
}

/**
 * What a notification says. Privacy by design: severity, categories, school, time and a link to
 * the alert in the console, never the evidence text or the pupil's name; the console decides who
 * may see more, and audits it.
 */
import type { AlertFacts } from "./escalate-alert.js";

export interface AlertLink {
  id: string;
  severity: number;
  categories: string[];
  link: string;
  raisedAt: string;
}

/** A stored message: a subject and text, and for alerts the structured facts. */
export interface StoredMessage {
  subject: string;
  text: string;
  school: string;
  alert?: AlertLink;
  deadlineAt?: string | null;
  summary?: { period: string; from: string; to: string; total: number; counts: Record<string, number> };
}

/** The message for one alert hop. */
export function alertMessage(alert: AlertFacts, publicUrl: string, deadline: Date | null): StoredMessage {
  const categories = alert.categories.join(", ") || "uncategorised";
  const link = `${publicUrl}/alerts/${alert.id}`;
  const lines = [
    `A severity ${alert.severity} alert (${categories}) was raised at ${alert.schoolName} at ${alert.firstSeen}.`,
    `Open it in Vigil: ${link}`,
  ];
  if (deadline) {
    lines.push(
      `Please acknowledge it by ${deadline.toISOString()} (move it out of "new"); otherwise the next person in the chain is told.`,
    );
  }
  return {
    subject: `Vigil: severity ${alert.severity} ${categories} alert at ${alert.schoolName}`,
    text: lines.join("\n"),
    school: alert.schoolName,
    alert: {
      id: alert.id,
      severity: alert.severity,
      categories: alert.categories,
      link,
      raisedAt: alert.firstSeen,
    },
    deadlineAt: deadline?.toISOString() ?? null,
  };
}

/** The message with others grouped into it by throttling: "and 4 more". */
export function withGrouped(message: StoredMessage, others: readonly StoredMessage[]): StoredMessage {
  if (others.length === 0) return message;
  const more = others
    .map((other) =>
      other.alert
        ? `- severity ${other.alert.severity} (${other.alert.categories.join(", ")}): ${other.alert.link}`
        : `- ${other.subject}`,
    )
    .join("\n");
  return {
    ...message,
    subject: `${message.subject} and ${others.length} more`,
    text: `${message.text}\n\nAnd ${others.length} more:\n${more}`,
  };
}

/** The webhook body: `text` for Slack and Teams incoming webhooks, and the structured fields. */
export function webhookBody(message: StoredMessage, others: readonly StoredMessage[], kind: string): string {
  const grouped = withGrouped(message, others);
  return JSON.stringify({
    text: grouped.text,
    event: kind === "digest" ? "digest" : "alert.notification",
    school: message.school,
    alert: message.alert ?? null,
    deadlineAt: message.deadlineAt ?? null,
    more: others.map((other) => other.alert ?? null).filter((alert) => alert !== null),
    summary: message.summary ?? null,
  });
}

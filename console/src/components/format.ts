/** Dates and labels as the console shows them (British English, the browser's time zone). */

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "5 Mar 2026, 09:15". */
export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : "never";
}

/** "5 Mar", for a UTC day like "2026-03-05". */
export function formatDay(day: string): string {
  return dayMonth.format(new Date(`${day}T00:00:00Z`));
}

/** "3 hours ago" style, for how long a source has been quiet. */
export function formatAgo(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** "Severity 4 of 5". */
export function severityLabel(severity: number): string {
  return `Severity ${severity} of 5`;
}

/** Filled badge colours with white text at AA contrast. */
export function severityColor(severity: number): string {
  return severity >= 5 ? "#8a1c1c" : severity >= 4 ? "#b32424" : severity >= 3 ? "#9c4a00" : "#495057";
}

/** Whether a contact is at work at a moment, in the contact's own time zone. */
import { weekdays, type WorkingHours } from "../contracts/notification.contract.js";

/** True when `at` falls on one of the working days between start and end, local time; null hours: always. */
export function isWithinWorkingHours(hours: WorkingHours | null, at: Date): boolean {
  if (!hours) return true;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: hours.timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = part("weekday").toLowerCase().slice(0, 3);
  const time = `${part("hour")}:${part("minute")}`;
  return (weekdays as readonly string[]).includes(day) && hours.days.some((d) => d === day)
    ? time >= hours.start && time < hours.end
    : false;
}

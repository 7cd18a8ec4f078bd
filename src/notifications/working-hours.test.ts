import { expect, it } from "vitest";
import { isWithinWorkingHours } from "./working-hours.js";

const office = {
  days: ["mon", "tue", "wed", "thu", "fri"] as const,
  start: "08:00",
  end: "17:00",
  timeZone: "Europe/London",
};
const hours = { ...office, days: [...office.days] };

it("reads working hours in the contact's own time zone, summer time included", () => {
  // Monday 7 July 2025: 07:30 UTC is 08:30 in London (BST).
  expect(isWithinWorkingHours(hours, new Date("2025-07-07T07:30:00Z"))).toBe(true);
  // Monday 1 December 2025: 07:30 UTC is 07:30 in London (GMT), before work.
  expect(isWithinWorkingHours(hours, new Date("2025-12-01T07:30:00Z"))).toBe(false);
  expect(isWithinWorkingHours(hours, new Date("2025-12-01T16:59:00Z"))).toBe(true);
  expect(isWithinWorkingHours(hours, new Date("2025-12-01T17:00:00Z"))).toBe(false);
  // Saturday.
  expect(isWithinWorkingHours(hours, new Date("2025-12-06T12:00:00Z"))).toBe(false);
  expect(isWithinWorkingHours(null, new Date("2025-12-06T03:00:00Z"))).toBe(true);
});

import { expect, it } from "vitest";
import { ContactInputSchema, PolicyInputSchema } from "./notification.contract.js";

const id = (n: number) => `00000000-0000-4000-8000-00000000000${String(n)}`;
const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

it("refuses a contact with no address, naming the field", () => {
  expect(issues(ContactInputSchema.safeParse({ name: "Sam" }))).toEqual([
    ["email", "give an email address or a webhook URL: a contact with no address cannot be told"],
  ]);
  expect(ContactInputSchema.safeParse({ name: "Sam", webhookUrl: "ftp://x.example" }).success).toBe(false);
  expect(ContactInputSchema.safeParse({ name: "Sam", email: "sam@oak.example" }).success).toBe(true);
});

it("refuses working hours that end before they start or name an unknown time zone", () => {
  const hours = { days: ["mon"], start: "17:00", end: "08:00", timeZone: "Mars/Olympus" };
  const paths = issues(
    ContactInputSchema.safeParse({ name: "Sam", email: "s@o.example", workingHours: hours }),
  ).map(([path]) => path);
  expect(paths).toEqual(expect.arrayContaining(["workingHours.timeZone"]));
  const backwards = { ...hours, timeZone: "Europe/London" };
  expect(
    issues(ContactInputSchema.safeParse({ name: "Sam", email: "s@o.example", workingHours: backwards })),
  ).toEqual([["workingHours.end", "end must be after start"]]);
});

it("refuses a loop in the chain, a zero deadline and an unknown category, each by field", () => {
  const result = PolicyInputSchema.safeParse({
    name: "bad",
    categories: ["self-harm", "knitting"],
    minSeverity: 4,
    chain: [id(1), id(2), id(1)],
    deadlines: { "5": 0 },
  });
  const found = issues(result);
  expect(found.map(([path]) => path)).toEqual(
    expect.arrayContaining(["categories.1", "chain.2", "deadlines.5"]),
  );
  expect(found.find(([path]) => path === "chain.2")?.[1]).toContain("in the chain twice");
  expect(found.find(([path]) => path === "deadlines.5")?.[1]).toBe("a deadline must be at least 1 minute");
  expect(
    issues(PolicyInputSchema.safeParse({ name: "x", minSeverity: 1, chain: [], deadlines: { "4": -5 } })).map(
      ([p]) => p,
    ),
  ).toEqual(expect.arrayContaining(["chain", "deadlines.4"]));
});

it("fills in the default deadlines a policy does not give", () => {
  const parsed = PolicyInputSchema.parse({
    name: "ok",
    minSeverity: 3,
    chain: [id(1)],
    deadlines: { "5": 5 },
  });
  expect(parsed.deadlines).toEqual({ "1": 1440, "2": 480, "3": 120, "4": 30, "5": 5 });
  expect(parsed.atOnce).toBe(false);
});

import { describe, expect, it } from "vitest";
import { runVigil } from "./test-support/run-vigil.js";

describe("vigil scan --jsonl (the stable contract)", () => {
  const input = [
    { id: 1, text: "honestly i just want to kms" },
    { id: "two", text: "we baked a lemon cake in class" },
    { id: 3, text: "Kill the process if it hangs" },
    { id: 4, url: "https://www.google.co.uk/search?q=how+to+kill+myself" },
    { id: 5, text: 42 },
  ]
    .map((line) => JSON.stringify(line))
    .concat(["{not json"])
    .join("\n");

  it("writes one decision per input line, in order, with exactly the documented fields", () => {
    const result = runVigil(["scan", "--jsonl"], {}, `${input}\n`);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.id)).toEqual([1, "two", 3, 4, 5, null]);

    const [flagged, clean, exception, search] = lines;
    expect(Object.keys(flagged!)).toEqual(["id", "flagged", "severity", "categories", "matches"]);
    expect(flagged).toMatchObject({
      flagged: true,
      categories: [expect.objectContaining({ name: "self-harm" })],
    });
    const match = (flagged!.matches as Record<string, unknown>[])[0]!;
    expect(Object.keys(match)).toEqual(["rule", "category", "weight", "start", "end", "text"]);
    expect(match).toMatchObject({ category: "self-harm", text: "kms", start: 24, end: 27 });

    expect(clean).toEqual({ id: "two", flagged: false, severity: 0, categories: [], matches: [] });
    expect(exception).toMatchObject({ flagged: false });
    expect(search).toMatchObject({
      flagged: true,
      categories: [expect.objectContaining({ name: "self-harm" })],
    });
    expect(lines[4]?.error).toMatch(/text: text must be a string/);
    expect(lines[5]).toMatchObject({ error: "line 6 is not valid JSON" });
    expect(result.stderr).toContain("2 of 6 lines were not valid");
  });
});

describe("vigil scan in words", () => {
  it("says what matched, in which rule, with which weight", () => {
    const result = runVigil(["scan", "I want to k1ll myself"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^FLAGGED: severity \d of 5 for the secondary profile/);
    expect(result.stdout).toMatch(
      /"k1ll myself" at 10-21 after unfolding disguised spelling: rule en\.self-harm\.\S+, weight \+\d+/,
    );
  });

  it("refuses an unknown profile with the ones it knows", () => {
    const result = runVigil(["scan", "--profile", "toddler", "hello"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown profile "toddler"');
    expect(result.stderr).toContain("primary, secondary, sixth-form, staff");
  });
});

describe("vigil library test", () => {
  it("passes on the shipped library: every file valid, every example behaving as written", () => {
    const result = runVigil(["library", "test"]);
    expect(result.stdout).toMatch(/0 file problems, 0 failing examples/);
    expect(result.status).toBe(0);
  });
});

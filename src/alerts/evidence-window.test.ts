import { describe, expect, it } from "vitest";
import { evidenceMaxLength, evidenceWindow } from "./evidence-window.js";

describe("evidence window", () => {
  it("keeps a short text whole", () => {
    expect(evidenceWindow("i want to kill myself", [{ start: 10, end: 21 }])).toBe("i want to kill myself");
  });

  it("keeps at most ~300 characters around the matches of a long text, marking the cuts", () => {
    const text = `${"a".repeat(5_000)} kill myself ${"b".repeat(5_000)}`;
    const start = text.indexOf("kill myself");
    const window = evidenceWindow(text, [{ start, end: start + 11 }]);
    expect(window).toContain("kill myself");
    expect(window.startsWith("…") && window.endsWith("…")).toBe(true);
    expect(window.length).toBeLessThanOrEqual(evidenceMaxLength + 2);
  });

  it("keeps the first match and its context when the matches are far apart", () => {
    const text = `first ${"x".repeat(2_000)} second`;
    const window = evidenceWindow(text, [
      { start: 0, end: 5 },
      { start: text.length - 6, end: text.length },
    ]);
    expect(window.startsWith("first")).toBe(true);
    expect(window).not.toContain("second");
  });

  it("never splits a surrogate pair", () => {
    const text = "😀".repeat(400);
    const window = evidenceWindow(text, [{ start: 300, end: 302 }]);
    expect(window.replace(/…/g, "")).toMatch(/^(😀)+$/u);
  });
});

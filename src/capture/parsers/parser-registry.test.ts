import { describe, expect, it } from "vitest";
import { isLogFormat, LOG_FORMATS, parserFor } from "./parser-registry.js";

describe("parserFor", () => {
  it.each([
    ["apache", {}, "unknown log format 'apache'; known: squid, squid-logformat"],
    ["toString", {}, "unknown log format 'toString'"],
    ["squid", { timeZone: "Mars/Olympus" }, "unknown time zone: 'Mars/Olympus'"],
    ["squid", { maxFieldLength: 10 }, "maxFieldLength must be an integer of at least 64"],
    ["squid", { maxFieldLength: 100.5 }, "maxFieldLength must be an integer"],
    ["squid-logformat", {}, "squid-logformat needs the logFormat option"],
  ])("refuses %s with %j: %s", (format, options, reason) => {
    const lookup = parserFor(format, options);
    expect(lookup.ok ? "" : lookup.reason).toContain(reason);
  });

  it("makes a parser for every format", () => {
    for (const format of LOG_FORMATS) {
      const lookup = parserFor(format, {
        logFormat: "squid",
        timeZone: "Europe/London",
        maxFieldLength: 100,
      });
      expect(lookup.ok).toBe(true);
      if (lookup.ok) expect(lookup.parse("").ok).toBe(false);
    }
    expect(isLogFormat("bind")).toBe(true);
    expect(isLogFormat("BIND")).toBe(false);
  });

  it("applies the field limit", () => {
    const lookup = parserFor("squid", { maxFieldLength: 64 });
    if (!lookup.ok) throw new Error(lookup.reason);
    const line = `1157689320.327 1 10.0.0.1 TCP_MISS/200 1 GET http://a.example/${"x".repeat(100)} - DIRECT/1.1.1.1 -`;
    const result = lookup.parse(line);
    expect(result.ok && result.event.url?.length).toBe(64 + "…[cut]".length);
    expect(result.ok && result.event.truncated).toBe(true);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyText,
  eventOf,
  expectLinearOnHugeLines,
  expectWellFormed,
  malformedReason,
  mutated,
  parserOrFail,
  skipReason,
} from "./parsers.test-helper.js";

const parse = parserOrFail("bind", { referenceTime: new Date("2024-04-01T00:00:00Z") });
const MODERN =
  "05-Mar-2024 14:02:11.123 client @0x7f3a2c0b8d68 192.168.0.5#53211 (example.com): query: example.com IN A +E(0)K (10.0.0.1)";
const OLD = "05-Mar-2024 14:02:11.123 client 192.168.0.5#53211: query: example.com IN A +";

describe("BIND query log: refusals and skips", () => {
  it.each([
    [
      "05-Foo-2024 14:02:11.123 client 1.2.3.4#1: query: x IN A +",
      "time stamp is not 'dd-Mon-yyyy hh:mm:ss.mmm'",
    ],
    ["05-Mar-2024 14:02 client 1.2.3.4#1: query: x IN A +", "time stamp is not"],
    ["2024-13-05T14:02:11Z client 1.2.3.4#1: query: x IN A +", "time stamp is not ISO 8601"],
    ["hello world", "no syslog time stamp at the start"],
    [
      "05-Mar-2024 14:02:11.123 client 192.168.0.5#53211 example.com: query: x IN A",
      "is not followed by '(name):' or ':'",
    ],
    ["05-Mar-2024 14:02:11.123 client somehost#53211: query: x IN A +", "client address is not 'ip#port'"],
    ["05-Mar-2024 14:02:11.123 client 1.2.3.4#1: query: example.com IN", "query is not 'name class type'"],
  ])("%j → %s", (line, reason) => {
    expect(malformedReason(parse(line))).toContain(reason);
  });

  it.each([
    [
      "05-Mar-2024 14:02:11.123 general: info: zone example.com/IN: loaded serial 7",
      "not about a client query",
    ],
    [
      "05-Mar-2024 14:02:11.123 client @0x1 10.0.0.9#5353: update 'example.com/IN' denied",
      "'update' is not a query",
    ],
    ["Mar  5 14:02:11 ns1 sshd[99]: Accepted publickey for root", "line of 'sshd', not of named"],
    ["", "blank line"],
  ])("%j is skipped: %s", (line, reason) => {
    expect(skipReason(parse(line))).toContain(reason);
  });
});

describe("BIND query log", () => {
  it("reads the modern form with its flags", () => {
    expect(eventOf(parse(MODERN))).toEqual({
      kind: "dns-query",
      time: "2024-03-05T14:02:11.123Z",
      action: "unknown",
      clientIp: "192.168.0.5",
      host: "example.com",
      queryType: "A",
      queryClass: "IN",
      queryFlags: "+E(0)K",
    });
  });

  it("reads the old form, category prefixes, views, IPv6 clients and trailing dots", () => {
    expect(eventOf(parse(OLD))).toMatchObject({ host: "example.com", queryFlags: "+" });
    const prefixed =
      "05-Mar-2024 14:02:11.123 queries: info: client @0x1 fd00::5#4000 (Example.COM.): view pupils: query: Example.COM. IN AAAA -E(0)DC (fd00::1)";
    expect(eventOf(parse(prefixed))).toMatchObject({
      clientIp: "fd00::5",
      host: "example.com",
      queryType: "AAAA",
      queryFlags: "-E(0)DC",
    });
    expect(
      eventOf(parse("05-Mar-2024 14:02:11.123 client 1.2.3.4#1: query: x.example IN A")).queryFlags,
    ).toBeUndefined();
  });

  it("reads lines that came through syslog, and ISO 8601 stamps", () => {
    const syslog =
      "Mar  5 14:02:11 ns1 named[812]: client @0x7f 192.168.0.5#53211 (example.com): query: example.com IN A + (10.0.0.1)";
    expect(eventOf(parse(syslog)).time).toBe("2024-03-05T14:02:11.000Z");
    expect(eventOf(parse(`<30>${syslog}`)).host).toBe("example.com");
    const iso = MODERN.replace("05-Mar-2024 14:02:11.123", "2024-03-05T14:02:11.123+01:00");
    expect(eventOf(parse(iso)).time).toBe("2024-03-05T13:02:11.123Z");
  });

  it("reads ACL refusals and response-policy rewrites as blocked queries", () => {
    const denied =
      "05-Mar-2024 14:02:11.123 client @0x1 192.168.0.5#53211 (bad.example): query (cache) 'bad.example/A/IN' denied";
    expect(eventOf(parse(denied))).toMatchObject({
      action: "blocked",
      host: "bad.example",
      queryType: "A",
      queryClass: "IN",
      reason: "query (cache) denied",
    });
    const rpz =
      "05-Mar-2024 14:02:11.123 rpz: info: client @0x1 192.168.0.5#53211 (porn.example): rpz QNAME NXDOMAIN rewrite porn.example/A/IN via porn.example.rpz.school";
    expect(eventOf(parse(rpz))).toMatchObject({
      action: "blocked",
      host: "porn.example",
      reason: "rpz QNAME NXDOMAIN",
    });
  });

  it("reads local stamps in the configured zone", () => {
    const newYork = parserOrFail("bind", { timeZone: "America/New_York" });
    expect(eventOf(newYork(MODERN)).time).toBe("2024-03-05T19:02:11.123Z");
  });
});

describe("BIND properties", () => {
  it("never throws on any text or near-valid line", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(MODERN), mutated(OLD)), (text) => {
        expectWellFormed(parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips random queries", () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    fc.assert(
      fc.property(
        fc.record({
          epochMs: fc.integer({ min: 0, max: 4_102_444_799_999 }),
          name: fc.domain(),
          type: fc.constantFrom("A", "AAAA", "MX", "TXT", "HTTPS", "TYPE65"),
          ip: fc.oneof(fc.ipV4(), fc.ipV6()),
          port: fc.integer({ min: 1, max: 65535 }),
        }),
        (f) => {
          const date = new Date(f.epochMs);
          const iso = date.toISOString();
          const stamp = `${iso.slice(8, 10)}-${months[date.getUTCMonth()] ?? ""}-${iso.slice(0, 4)} ${iso.slice(11, 23)}`;
          const line = `${stamp} client @0x55 ${f.ip}#${f.port} (${f.name}): query: ${f.name} IN ${f.type} +E(0) (10.0.0.1)`;
          expect(eventOf(parse(line))).toMatchObject({
            time: iso,
            clientIp: f.ip,
            host: f.name.toLowerCase(),
            queryType: f.type,
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads 1 MB lines of hostile shapes in linear time", () => {
    expectLinearOnHugeLines(parse, MODERN);
  });
});

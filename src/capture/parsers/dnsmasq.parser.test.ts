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

const REFERENCE = new Date("2024-04-01T00:00:00Z");
const parse = parserOrFail("dnsmasq", { referenceTime: REFERENCE });
const QUERY = "Mar  5 14:02:11 dnsmasq[123]: query[A] example.com from 192.168.0.5";

describe("dnsmasq: refusals and skips", () => {
  it.each([
    [
      "Foo  5 14:02:11 dnsmasq[123]: query[A] example.com from 192.168.0.5",
      "no syslog time stamp at the start",
    ],
    ["Mar 35 14:02:11 dnsmasq[123]: query[A] x from 1.2.3.4", "no syslog time stamp"],
    ["Mar  5 14:02:11 query[A] example.com from 192.168.0.5", "no 'dnsmasq[pid]:' tag"],
    ["Mar  5 14:02:11 dnsmasq[123]: query[] example.com from 192.168.0.5", "query type is not in brackets"],
    ["Mar  5 14:02:11 dnsmasq[123]: query[A", "query type is not in brackets"],
    ["Mar  5 14:02:11 dnsmasq[123]: query[A] example.com", "query line has no 'from <client>'"],
    ["Mar  5 14:02:11 dnsmasq[123]: query[A]", "query line has no name"],
    [
      `Mar  5 14:02:11 dnsmasq[123]: query[A] ${"a".repeat(300)} from 1.2.3.4`,
      "query name is not a DNS name",
    ],
    ["<999>Mar  5 14:02:11 dnsmasq[1]: query[A] x from 1.2.3.4", "PRI is not a number from 0 to 191"],
  ])("%j → %s", (line, reason) => {
    expect(malformedReason(parse(line))).toContain(reason);
  });

  it.each([
    [
      "Mar  5 14:02:11 dnsmasq[123]: forwarded example.com to 1.1.1.1",
      "dnsmasq 'forwarded' line is not a query",
    ],
    [
      "Mar  5 14:02:11 dnsmasq[123]: reply example.com is 93.184.216.34",
      "dnsmasq 'reply' line is not a query",
    ],
    ["Mar  5 14:02:11 dnsmasq[123]: cached example.com is <CNAME>", "dnsmasq 'cached' line is not a query"],
    ["Mar  5 14:02:11 dnsmasq[123]: config bad.example is 0.0.0.0", "dnsmasq 'config' line is not a query"],
    [
      "Mar  5 14:02:11 dnsmasq[123]: dnssec-query[DS] example.com to 1.1.1.1",
      "'dnssec-query' line is not a query",
    ],
    [
      "Mar  5 14:02:11 gw dnsmasq-dhcp[123]: DHCPACK(eth0) 192.168.0.5 aa:bb",
      "line of 'dnsmasq-dhcp', not of dnsmasq",
    ],
    ["Mar  5 14:02:11 gw kernel: eth0 link up", "line of 'kernel', not of dnsmasq"],
    ["", "blank line"],
  ])("%j is skipped: %s", (line, reason) => {
    expect(skipReason(parse(line))).toContain(reason);
  });
});

describe("dnsmasq queries", () => {
  it("reads a query from dnsmasq's own log file", () => {
    expect(eventOf(parse(QUERY))).toEqual({
      kind: "dns-query",
      time: "2024-03-05T14:02:11.000Z",
      action: "unknown",
      clientIp: "192.168.0.5",
      host: "example.com",
      queryType: "A",
    });
  });

  it("reads syslog files with a host, log-queries=extra, IPv6 clients and <PRI> frames", () => {
    const extra =
      "Mar  5 14:02:11 gateway dnsmasq[123]: 17 192.168.0.5/53211 query[AAAA] Example.COM. from fd00::5";
    expect(eventOf(parse(extra))).toMatchObject({
      host: "example.com",
      queryType: "AAAA",
      clientIp: "fd00::5",
    });
    expect(eventOf(parse(`<30>${QUERY}`)).host).toBe("example.com");
    const rfc5424 =
      "<30>1 2024-03-05T14:02:11.5+01:00 gw dnsmasq 123 - - query[A] example.com from 192.168.0.5";
    expect(eventOf(parse(rfc5424)).time).toBe("2024-03-05T13:02:11.500Z");
    const rsyslogFile =
      "2024-03-05T14:02:11.123456+00:00 gw dnsmasq[123]: query[MX] mail.example from 10.0.0.1";
    expect(eventOf(parse(rsyslogFile))).toMatchObject({ time: "2024-03-05T14:02:11.123Z", queryType: "MX" });
  });

  it("infers the year nearest before the reference time", () => {
    const newYear = parserOrFail("dnsmasq", { referenceTime: new Date("2024-01-01T00:05:00Z") });
    expect(eventOf(newYear(QUERY.replace("Mar  5", "Dec 31"))).time).toBe("2023-12-31T14:02:11.000Z");
    expect(eventOf(newYear(QUERY.replace("Mar  5 14:02:11", "Jan  1 00:04:59"))).time).toBe(
      "2024-01-01T00:04:59.000Z",
    );
    // A little clock skew between hosts does not throw a line back a year.
    expect(eventOf(newYear(QUERY.replace("Mar  5 14:02:11", "Jan  1 00:15:00"))).time).toBe(
      "2024-01-01T00:15:00.000Z",
    );
    expect(eventOf(newYear(QUERY.replace("Mar  5", "Feb 29"))).time).toBe("2020-02-29T14:02:11.000Z");
  });

  it("reads local stamps in the configured zone and takes the reference as a function", () => {
    const clock = () => new Date("2024-08-01T00:00:00Z");
    const berlin = parserOrFail("dnsmasq", { timeZone: "Europe/Berlin", referenceTime: clock });
    expect(eventOf(berlin(QUERY.replace("Mar", "Jul"))).time).toBe("2024-07-05T12:02:11.000Z");
  });
});

describe("dnsmasq properties", () => {
  it("never throws on any text or near-valid line", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(QUERY), mutated(`<30>${QUERY}`)), (text) => {
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
          epochMs: fc.integer({ min: Date.UTC(2023, 4, 1), max: Date.UTC(2024, 3, 1) - 1000 }),
          name: fc.domain(),
          type: fc.constantFrom("A", "AAAA", "MX", "TXT", "HTTPS", "type=65"),
          ip: fc.oneof(fc.ipV4(), fc.ipV6()),
        }),
        (f) => {
          const date = new Date(Math.floor(f.epochMs / 1000) * 1000);
          const stamp = `${months[date.getUTCMonth()] ?? ""} ${String(date.getUTCDate()).padStart(2)} ${date.toISOString().slice(11, 19)}`;
          const event = eventOf(parse(`${stamp} dnsmasq[9]: query[${f.type}] ${f.name} from ${f.ip}`));
          expect(event).toMatchObject({
            time: date.toISOString(),
            host: f.name.toLowerCase(),
            queryType: f.type,
          });
          expect(event.clientIp ?? event.clientHost).toBe(f.ip);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads 1 MB lines of hostile shapes in linear time", () => {
    expectLinearOnHugeLines(parse, QUERY);
  });
});

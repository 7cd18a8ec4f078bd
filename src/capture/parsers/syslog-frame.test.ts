import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zoneClock } from "./log-time.js";
import { anyText, mutated } from "./parsers.test-helper.js";
import {
  parseSyslogFrame,
  readSyslogLine,
  type SyslogClock,
  type SyslogFrameResult,
} from "./syslog-frame.js";

const clock: SyslogClock = {
  clock: zoneClock("UTC")!,
  referenceTime: () => new Date("2024-04-01T00:00:00Z"),
};
const parse = (text: string) => parseSyslogFrame(text, clock);
const RFC3164 = "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8";
const RFC5424 =
  '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"] \uFEFFAn application event log entry...';

function reasonOf(result: SyslogFrameResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.frame)}`);
  return result.reason;
}

describe("syslog framing: refusals", () => {
  it.each([
    ["Oct 11 22:14:15 host su: x", "missing <PRI> at the start"],
    ["<>Oct 11 22:14:15 host su: x", "PRI is not a number from 0 to 191: ''"],
    ["<192>Oct 11 22:14:15 host su: x", "PRI is not a number from 0 to 191: '192'"],
    ["<34", "PRI is not a number"],
    ["<34>Oct 41 22:14:15 host su: x", "no syslog time stamp at the start"],
    ["<34>Oct 11 22:14 host su: x", "no syslog time stamp"],
    ["<34>1 2003-10-11T22:14:15.003Z host app", "RFC 5424 header is cut short: no procid"],
    [
      "<34>1 2003-13-11T22:14:15Z host app - - - msg",
      "RFC 5424 time is not RFC 3339: '2003-13-11T22:14:15Z'",
    ],
    ["<34>1 2003-10-11T22:14:15 host app - - - msg", "RFC 5424 time is not RFC 3339"],
    ["<34>1 - host app - - x msg", "structured data is neither '-' nor '['"],
    ['<34>1 - host app - - [id a="1 msg', "parameter value in 'id' is not closed"],
    ["<34>1 - host app - - [id a=1] msg", "parameter in 'id' has no '=\"'"],
    ['<34>1 - host app - - [id a="1"x msg', "element 'id' is not closed with ']'"],
    ["<34>1 - host app - - [id", "structured data element is not closed"],
    ['<34>1 - host app - - [id a="1"]msg', "structured data is not followed by a space"],
  ])("%j → %s", (text, reason) => {
    expect(reasonOf(parse(text))).toContain(reason);
  });
});

describe("RFC 3164", () => {
  it("reads the RFC's example, inferring the year", () => {
    expect(parse(RFC3164)).toEqual({
      ok: true,
      frame: {
        protocol: "rfc3164",
        facility: 4,
        severity: 2,
        time: "2023-10-11T22:14:15.000Z",
        host: "mymachine",
        app: "su",
        message: "'su root' failed for lonvick on /dev/pts/8",
      },
    });
  });

  it("reads a process id, no host, a year, fractions and an RFC 3339 stamp", () => {
    expect(parse("<30>Mar  5 14:02:11 gw dnsmasq[123]: query[A] x from y")).toMatchObject({
      ok: true,
      frame: {
        app: "dnsmasq",
        procId: "123",
        host: "gw",
        message: "query[A] x from y",
        facility: 3,
        severity: 6,
      },
    });
    expect(parse("<13>Mar  5 14:02:11 cron[9]: job")).toMatchObject({ frame: { app: "cron", procId: "9" } });
    expect(parse("<13>Mar  5 14:02:11 host")).toMatchObject({
      ok: true,
      frame: { host: "host", message: "" },
    });
    expect(parse("<13>Mar  5 2019 14:02:11.25 host app: m")).toMatchObject({
      frame: { time: "2019-03-05T14:02:11.250Z" },
    });
    expect(parse("<13>2024-03-05T14:02:11.123+02:00 host app: m")).toMatchObject({
      frame: { time: "2024-03-05T12:02:11.123Z", host: "host", app: "app" },
    });
  });

  it("reads a message without a tag as text after the host", () => {
    expect(parse("<13>Mar  5 14:02:11 host just some text")).toMatchObject({
      frame: { host: "host", message: "just some text" },
    });
  });

  it("reads local stamps in the configured zone", () => {
    const paris: SyslogClock = { ...clock, clock: zoneClock("Europe/Paris")! };
    expect(parseSyslogFrame("<13>Mar  5 14:02:11 h a: m", paris)).toMatchObject({
      frame: { time: "2024-03-05T13:02:11.000Z" },
    });
  });
});

describe("RFC 5424", () => {
  it("reads the RFC's example with structured data and a BOM", () => {
    expect(parse(RFC5424)).toEqual({
      ok: true,
      frame: {
        protocol: "rfc5424",
        facility: 20,
        severity: 5,
        time: "2003-10-11T22:14:15.003Z",
        host: "mymachine.example.com",
        app: "evntslog",
        msgId: "ID47",
        structuredData: [
          {
            id: "exampleSDID@32473",
            params: [
              ["iut", "3"],
              ["eventSource", "Application"],
              ["eventID", "1011"],
            ],
          },
          { id: "examplePriority@32473", params: [["class", "high"]] },
        ],
        message: "An application event log entry...",
      },
    });
  });

  it("reads nil values, microseconds with an offset, escapes and an empty message", () => {
    expect(parse("<0>1 - - - - - -")).toEqual({
      ok: true,
      frame: { protocol: "rfc5424", facility: 0, severity: 0, message: "" },
    });
    expect(
      parse("<34>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time"),
    ).toMatchObject({
      frame: { time: "2003-08-24T12:14:15.000Z", procId: "8710", message: "%% It's time" },
    });
    expect(parse('<34>1 - h a - - [x@1 v="a\\"b\\]c\\\\d"] m')).toMatchObject({
      frame: { structuredData: [{ id: "x@1", params: [["v", 'a"b]c\\d']] }], message: "m" },
    });
  });
});

describe("readSyslogLine", () => {
  it("reads lines with and without <PRI>", () => {
    expect(readSyslogLine("Mar  5 14:02:11 dnsmasq[1]: hi", clock)).toMatchObject({
      ok: true,
      header: { app: "dnsmasq", procId: "1", message: "hi" },
    });
    expect(readSyslogLine("<30>Mar  5 14:02:11 dnsmasq[1]: hi", clock)).toMatchObject({ ok: true });
  });
});

describe("syslog framing properties", () => {
  it("never throws on any text, and keeps facility and severity in range", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(RFC3164), mutated(RFC5424)), (text) => {
        const result = parse(text);
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        expect(result.frame.facility).toBeLessThanOrEqual(23);
        expect(result.frame.severity).toBeLessThanOrEqual(7);
        if (result.frame.time !== undefined)
          expect(new Date(result.frame.time).toISOString()).toBe(result.frame.time);
      }),
      { numRuns: 600 },
    );
  });

  it("round-trips RFC 5424 fields", () => {
    const name = fc.stringMatching(/^[!-~]{1,20}$/).filter((value) => value !== "-");
    const paramValue = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(
        fc.record({
          pri: fc.integer({ min: 0, max: 191 }),
          epochMs: fc.integer({ min: 0, max: 4_102_444_799_999 }),
          host: name,
          app: name,
          procId: name,
          msgId: name,
          value: paramValue,
          message: fc.string({ maxLength: 50 }),
        }),
        (f) => {
          const escaped = f.value.replace(/["\\\]]/g, (ch) => `\\${ch}`);
          const time = new Date(f.epochMs).toISOString();
          const text = `<${f.pri}>1 ${time} ${f.host} ${f.app} ${f.procId} ${f.msgId} [id@1 k="${escaped}"] ${f.message}`;
          expect(parse(text)).toEqual({
            ok: true,
            frame: {
              protocol: "rfc5424",
              facility: Math.floor(f.pri / 8),
              severity: f.pri % 8,
              time,
              host: f.host,
              app: f.app,
              procId: f.procId,
              msgId: f.msgId,
              structuredData: [{ id: "id@1", params: [["k", f.value]] }],
              message: f.message.startsWith("\uFEFF") ? f.message.slice(1) : f.message,
            },
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads 1 MB frames of hostile shapes in linear time", () => {
    const huge = (piece: string) => piece.repeat(Math.ceil(1_048_576 / piece.length));
    for (const text of [
      `<34>1 - h a - - ${huge("[")}`,
      `<34>1 - h a - - [id ${huge('a="" ')}]`,
      `<34>1 - h a - - [id a="${huge("\\\\")}`,
      `<34>Oct 11 22:14:15 ${huge(" ")}`,
      `<34>${huge("Oct ")}`,
      `<${huge("1")}`,
    ]) {
      const started = performance.now();
      parse(text);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

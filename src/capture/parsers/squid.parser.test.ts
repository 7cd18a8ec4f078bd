import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { sharedDataPath } from "../../test-support/shared-data.js";
import { describe, expect, it } from "vitest";
import { CUT_MARKER } from "./log-fields.js";
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

const SAMPLE = sharedDataPath("logs", "squid-native-sample.log");
const parse = parserOrFail("squid");
const e2gSquid = parserOrFail("e2guardian-squid");
const MISS =
  "1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 GET http://www.goonernews.com/ badeyek DIRECT/175.16.199.61 text/html";
const CONNECT =
  "1157689312.049   5006 10.105.21.199 TCP_MISS/200 19763 CONNECT login.yahoo.com:443 badeyek DIRECT/175.16.199.115 -";
const DENIED_407 =
  "1157689337.481      4 10.105.47.218 TCP_DENIED/407 1661 GET http://hi5.com/ - NONE/- text/html";

describe("squid native access.log: refusals", () => {
  it.each([
    ["", "blank line"],
    ["   \t ", "blank line"],
    ["1157689320.327 2864 10.105.21.199 TCP_MISS/200", "expected 10 fields"],
    [MISS.replace("1157689320.327", "yesterday"), "field 1 (time) is not epoch seconds: 'yesterday'"],
    [MISS.replace("1157689320.327", "1157689320.3x7"), "field 1 (time) is not epoch seconds"],
    [MISS.replace("1157689320.327", "99999999999999.000"), "field 1 (time) is not epoch seconds"],
    [MISS.replace("  2864", "  2.5s"), "field 2 (elapsed) is not a number: '2.5s'"],
    [MISS.replace("TCP_MISS/200", "TCP_MISS:200"), "field 4 (code/status) has no '/': 'TCP_MISS:200'"],
    [MISS.replace("TCP_MISS/200", "TCP_MISS/abc"), "field 4 (status) is not a number: 'abc'"],
    [MISS.replace("TCP_MISS/200", "TCP_MISS/2000"), "field 4 (status) is not a number: '2000'"],
    [MISS.replace("10182", "0x10"), "field 5 (bytes) is not a number: '0x10'"],
    [MISS.replace(" GET ", " G{T "), "field 6 (method) is not an HTTP method: 'G{T'"],
  ])("%j → %s", (line, reason) => {
    const result = parse(line);
    if (reason === "blank line") expect(skipReason(result)).toBe(reason);
    else expect(malformedReason(result)).toContain(reason);
  });

  it("skips Squid's error pseudo-URLs, which are not visits", () => {
    const line =
      "1700000000.000      0 10.0.0.9 NONE_NONE/400 3912 NONE error:invalid-request - HIER_NONE/- text/html";
    expect(skipReason(parse(line))).toContain("error:invalid-request");
  });

  it("skips a connection that closed before its request (written by Squid behind e2guardian)", () => {
    const line =
      "1795388190.536      0 127.0.0.1 NONE_NONE/000 0 - error:transaction-end-before-headers - HIER_NONE/- -";
    expect(skipReason(parse(line))).toContain("error:transaction-end-before-headers");
  });
});

describe("squid native access.log: events", () => {
  it("reads a cache miss with user, type and duration", () => {
    expect(eventOf(parse(MISS))).toEqual({
      kind: "web-visit",
      time: "2006-09-08T04:22:00.327Z",
      action: "allowed",
      clientIp: "10.105.21.199",
      user: "badeyek",
      url: "http://www.goonernews.com/",
      host: "www.goonernews.com",
      method: "GET",
      status: 200,
      bytes: 10182,
      durationMs: 2864,
      resultCode: "TCP_MISS",
      contentType: "text/html",
    });
  });

  it("reads a CONNECT target as host and port, not as a URL", () => {
    const event = eventOf(parse(CONNECT));
    expect(event).toMatchObject({ host: "login.yahoo.com", port: 443, method: "CONNECT", action: "allowed" });
    expect(event.url).toBeUndefined();
    expect(event.contentType).toBeUndefined();
  });

  it("counts a 407 as blocked, with no user", () => {
    const event = eventOf(parse(DENIED_407));
    expect(event).toMatchObject({ action: "blocked", status: 407, reason: "proxy authentication required" });
    expect(event.user).toBeUndefined();
  });

  it("counts TCP_DENIED/403 as blocked but an origin server's 403 as allowed", () => {
    const denied = MISS.replace("TCP_MISS/200", "TCP_DENIED/403").replace(
      "DIRECT/175.16.199.61",
      "HIER_NONE/-",
    );
    expect(eventOf(parse(denied))).toMatchObject({ action: "blocked", reason: "denied by proxy" });
    expect(eventOf(parse(MISS.replace("TCP_MISS/200", "TCP_MISS/403"))).action).toBe("allowed");
    const noneForbidden = MISS.replace("TCP_MISS/200", "NONE/403").replace("DIRECT/175.16.199.61", "NONE/-");
    expect(eventOf(parse(noneForbidden)).action).toBe("blocked");
  });

  it("marks aborted requests (status 000) as unknown", () => {
    const line = "1700000000.000      5 10.0.0.9 NONE_NONE/000 0 GET http://a.example/ - HIER_NONE/- -";
    expect(eventOf(parse(line))).toMatchObject({ action: "unknown", status: 0 });
  });

  it("decodes escaped user names, reads IPv6 clients and client names", () => {
    const line = MISS.replace("badeyek", "SCHOOL%5Calice").replace("10.105.21.199", "2001:db8::7");
    expect(eventOf(parse(line))).toMatchObject({ user: "SCHOOL\\alice", clientIp: "2001:db8::7" });
    const named = eventOf(parse(MISS.replace("10.105.21.199", "pc-12.school.lan")));
    expect(named.clientHost).toBe("pc-12.school.lan");
    expect(named.clientIp).toBeUndefined();
  });

  it("ignores extra columns that log_mime_hdrs appends, and reads tabs and CRLF", () => {
    expect(eventOf(parse(`${MISS} [Host: a%20b] [HTTP/1.1 200 OK]`)).contentType).toBe("text/html");
    expect(eventOf(parse(`${MISS.replaceAll(" ", "\t")}\r\n`)).host).toBe("www.goonernews.com");
  });

  it("cuts a URL over the limit and flags the event", () => {
    const long = `http://example.com/${"p".repeat(20_000)}`;
    const event = eventOf(parse(MISS.replace("http://www.goonernews.com/", long)));
    expect(event.truncated).toBe(true);
    expect(event.url).toHaveLength(8192 + CUT_MARKER.length);
    expect(event.url?.endsWith(CUT_MARKER)).toBe(true);
    expect(event.host).toBe("example.com");
  });
});

describe("e2guardian format 3 (squid compatible)", () => {
  const line =
    "1709647331.123    120 192.168.0.5 TCP_DENIED/403 0 GET http://bad.example/x alice DEFAULT_PARENT/127.0.0.1 text/html";

  it("reads e2guardian's TCP_DENIED/403 as blocked", () => {
    expect(eventOf(e2gSquid(line))).toMatchObject({ action: "blocked", user: "alice", host: "bad.example" });
  });

  it("reads an action marker in the code field", () => {
    const marked = eventOf(e2gSquid(line.replace("TCP_DENIED/403", "*DENIED*/403")));
    expect(marked).toMatchObject({ action: "blocked", resultCode: "*DENIED*" });
    expect(eventOf(e2gSquid(line.replace("TCP_DENIED/403", "*EXCEPTION*/200"))).action).toBe("allowed");
  });

  it("accepts a blank user, which leaves nine fields", () => {
    const event = eventOf(e2gSquid(line.replace(" alice ", "  ")));
    expect(event.user).toBeUndefined();
    expect(event.contentType).toBe("text/html");
    expect(malformedReason(parse(line.replace(" alice ", "  ")))).toContain("expected 10 fields");
  });

  it("reads e2guardian 5's comma-separated layout, commas in the URL included", () => {
    const commas =
      "1709647331.123,   120,192.168.0.5,TCP_MISS/200,512,GET,http://a.example/x?a=1,2,bob,DEFAULT_PARENT/127.0.0.1,text/html";
    expect(eventOf(e2gSquid(commas))).toMatchObject({
      url: "http://a.example/x?a=1,2",
      user: "bob",
      durationMs: 120,
      action: "allowed",
    });
  });
});

describe.skipIf(!existsSync(SAMPLE))(`the real Squid sample (${SAMPLE})`, () => {
  const lines = existsSync(SAMPLE) ? readFileSync(SAMPLE, "utf8").split("\n").filter(Boolean) : [];
  const events = lines.map((line) => eventOf(parse(line)));

  it("parses all 100 lines", () => {
    expect(lines).toHaveLength(100);
    expect(events).toHaveLength(100);
  });

  it("finds the 15 proxy-authentication denials as blocked, without users", () => {
    const blocked = events.filter((event) => event.action === "blocked");
    expect(blocked).toHaveLength(15);
    expect(blocked.every((event) => event.status === 407 && event.user === undefined)).toBe(true);
  });

  it("reads the 9 CONNECT requests as hosts on port 443", () => {
    const connects = events.filter((event) => event.method === "CONNECT");
    expect(connects).toHaveLength(9);
    expect(connects.every((event) => event.port === 443 && event.url === undefined && event.host)).toBe(true);
  });

  it("finds the three authenticated users", () => {
    const users = new Set(events.flatMap((event) => (event.user === undefined ? [] : [event.user])));
    expect([...users].sort()).toEqual(["adeolaegbedokun", "badeyek", "nazsoau"]);
  });

  it("keeps times in order and within the sample's minutes", () => {
    const times = events.map((event) => event.time);
    expect(times[0]).toBe("2006-09-08T04:21:52.049Z");
    expect(times.every((time) => time.startsWith("2006-09-08T04:"))).toBe(true);
  });
});

describe("squid parser properties", () => {
  it("never throws on any text, and returns an event or a reason", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWellFormed(parse(text));
        expectWellFormed(e2gSquid(text));
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on near-valid lines", () => {
    fc.assert(
      fc.property(fc.oneof(mutated(MISS), mutated(CONNECT), mutated(DENIED_407)), (line) => {
        expectWellFormed(parse(line));
        expectWellFormed(e2gSquid(line));
      }),
      { numRuns: 400 },
    );
  });

  it("round-trips random fields", () => {
    const token = fc.stringMatching(/^[a-z0-9._-]{1,20}$/);
    fc.assert(
      fc.property(
        fc.record({
          epochMs: fc.integer({ min: 0, max: 4_102_444_800_000 }),
          elapsed: fc.nat({ max: 10_000_000 }),
          ip: fc.ipV4(),
          code: fc.constantFrom("TCP_MISS", "TCP_HIT", "TCP_REFRESH_HIT", "TCP_TUNNEL"),
          status: fc.integer({ min: 100, max: 599 }).filter((status) => status !== 407),
          bytes: fc.nat(),
          method: fc.constantFrom("GET", "POST", "HEAD", "PUT"),
          host: fc.domain(),
          path: token,
          user: fc.option(
            token.filter((user) => user !== "-"),
            { nil: undefined },
          ),
          type: fc.constantFrom("text/html", "image/png", "-"),
        }),
        (f) => {
          const seconds = `${Math.floor(f.epochMs / 1000)}.${String(f.epochMs % 1000).padStart(3, "0")}`;
          const line = [
            seconds,
            String(f.elapsed).padStart(6),
            f.ip,
            `${f.code}/${f.status}`,
            f.bytes,
            f.method,
          ]
            .concat([`http://${f.host}/${f.path}`, f.user ?? "-", "DIRECT/10.0.0.1", f.type])
            .join(" ");
          const event = eventOf(parse(line));
          expect(event).toMatchObject({
            time: new Date(f.epochMs).toISOString(),
            durationMs: f.elapsed,
            clientIp: f.ip,
            status: f.status,
            bytes: f.bytes,
            method: f.method,
            url: `http://${f.host}/${f.path}`,
            host: f.host.toLowerCase(),
            resultCode: f.code,
            action: "allowed",
          });
          expect(event.user).toBe(f.user);
          expect(event.contentType).toBe(f.type === "-" ? undefined : f.type);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads 1 MB lines of hostile shapes in linear time", () => {
    expectLinearOnHugeLines(parse, MISS);
    expectLinearOnHugeLines(e2gSquid, MISS);
  });
});

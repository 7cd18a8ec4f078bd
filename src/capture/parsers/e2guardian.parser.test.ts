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

const parse = parserOrFail("e2guardian");
const inLondon = parserOrFail("e2guardian", { timeZone: "Europe/London" });
const DENIED =
  "2024.3.5 14:02:11 - 192.168.0.5 http://example.com/ *DENIED* Banned site: example.com GET 0 0 Adult Sites 1 403 - Default -";
const ALLOWED =
  "2024.3.5 14:02:12 alice 192.168.0.6 https://news.example/world/ GET 51234 -20 Clean 2 200 text/html pc-6.lan Staff Mozilla/5.0 (X11)";
const FIELDS_4 = [
  "2024.03.05 14:02:11",
  "bob",
  "192.168.0.7",
  "http://games.example/play",
  "*EXCEPTION* Exception site match.",
  "POST",
  "812",
  "0",
  "",
  "3",
  "200",
  "text/html",
  "pc-7.lan",
  "Year 7",
  "Mozilla/5.0 (Windows NT 10.0)",
  "",
  "",
  "",
  "",
];
const TABBED = FIELDS_4.join("\t");
const PROTEX = [
  "1709647331.250",
  "filter1",
  "carol",
  "192.168.0.8",
  "pc-8.lan",
  "https://chat.example:443",
  "CONNECT",
  "403",
  "0",
  "-",
  "Mozilla/5.0",
  "-",
  "37",
  "-",
  "500",
  "*DENIED* Banned category: Chat",
  "0",
  "Chat",
  "Pupils",
  "2",
].join("\t");

describe("e2guardian native log: refusals", () => {
  it.each([
    ["2024.3.5 14:02:11 - 192.168.0.5", "expected at least 9 space-separated fields, got 4"],
    [DENIED.replace(" GET 0 0 ", " GET zero 0 "), "no 'method size weight' fields after the URL"],
    [DENIED.replace(" 1 403 ", " 1 4o3 "), "no 'filtergroup status' fields after the category"],
    [DENIED.replace("2024.3.5", "2024-3-5"), "date/time is not 'yyyy.m.d hh:mm:ss': '2024-3-5 14:02:11'"],
    [DENIED.replace("2024.3.5", "2024.2.30"), "date/time is not 'yyyy.m.d hh:mm:ss'"],
    [DENIED.replace("14:02:11", "25:02:11"), "date/time is not"],
    ["a\tb\tc", "expected at least 9 tab-separated fields, got 3"],
    [TABBED.replace("\t812\t", "\t8k\t"), "size is not a number: '8k'"],
    [TABBED.replace("\tPOST\t", "\tPO ST\t"), "method is not an HTTP method: 'PO ST'"],
    [TABBED.replace("\t0\t\t3\t", "\tx\t\t3\t"), "weight is not a number: 'x'"],
    [TABBED.replace("\t200\t", "\tOK\t"), "status is not a number: 'OK'"],
    [PROTEX.split("\t").slice(0, 12).join("\t"), "expected 20 tab-separated fields (e2guardian 5), got 12"],
  ])("%j → %s", (line, reason) => {
    expect(malformedReason(parse(line))).toContain(reason);
  });

  it("skips blank lines", () => {
    expect(skipReason(parse(""))).toBe("blank line");
  });
});

describe("e2guardian format 1 (space separated)", () => {
  it("reads a denial with its reason, category and group", () => {
    expect(eventOf(parse(DENIED))).toEqual({
      kind: "web-visit",
      time: "2024-03-05T14:02:11.000Z",
      action: "blocked",
      clientIp: "192.168.0.5",
      url: "http://example.com/",
      host: "example.com",
      method: "GET",
      status: 403,
      bytes: 0,
      resultCode: "*DENIED*",
      filterCategory: "Adult Sites",
      filterGroup: "1",
      filterWeight: 0,
      reason: "Banned site: example.com",
    });
  });

  it("reads an allowed request with a user and a negative weight", () => {
    expect(eventOf(parse(ALLOWED))).toMatchObject({
      action: "allowed",
      user: "alice",
      filterWeight: -20,
      filterCategory: "Clean",
      contentType: "text/html",
      host: "news.example",
    });
  });

  it("reads the other markers: exception, trusted, scanned allow; infected and DENIED-POST block", () => {
    const marked = (marker: string) => eventOf(parse(DENIED.replace("*DENIED*", marker)));
    expect(marked("*EXCEPTION*").action).toBe("allowed");
    expect(marked("*TRUSTED*").action).toBe("allowed");
    expect(marked("*SCANNED*").action).toBe("allowed");
    expect(marked("*INFECTED* *SCANNED*").action).toBe("blocked");
    expect(marked("*DENIED-POST*")).toMatchObject({ action: "blocked", resultCode: "*DENIED-POST*" });
    expect(marked("*REFUSÉ*").action).toBe("blocked");
    expect(eventOf(parse(DENIED.replace(" 403 ", " 200 ").replace("*DENIED*", "*REFUSÉ*"))).action).toBe(
      "unknown",
    );
  });

  it("reads a blank user that collapsed into the separators", () => {
    const event = eventOf(parse(DENIED.replace(" - 192.168.0.5", " 192.168.0.5")));
    expect(event.clientIp).toBe("192.168.0.5");
    expect(event.user).toBeUndefined();
  });

  it("reads local times in the configured zone, across daylight saving", () => {
    expect(eventOf(inLondon(DENIED)).time).toBe("2024-03-05T14:02:11.000Z");
    expect(eventOf(inLondon(DENIED.replace("2024.3.5", "2024.7.5"))).time).toBe("2024-07-05T13:02:11.000Z");
    const sydney = parserOrFail("e2guardian", { timeZone: "Australia/Sydney" });
    expect(eventOf(sydney(DENIED)).time).toBe("2024-03-05T03:02:11.000Z");
  });

  it("treats a 403 without a marker or reason as allowed (the origin's refusal)", () => {
    const plain = "2024.3.5 14:02:11 - 192.168.0.5 http://x.example/ GET 10 0 - 1 403 text/html";
    expect(eventOf(parse(plain))).toMatchObject({ action: "allowed", status: 403 });
    expect(eventOf(parse(plain)).filterCategory).toBeUndefined();
  });
});

describe("e2guardian format 4 (tab separated) and e2guardian 5 (formats 5 to 8)", () => {
  it("reads every field by position", () => {
    expect(eventOf(parse(TABBED))).toEqual({
      kind: "web-visit",
      time: "2024-03-05T14:02:11.000Z",
      action: "allowed",
      clientIp: "192.168.0.7",
      clientHost: "pc-7.lan",
      user: "bob",
      url: "http://games.example/play",
      host: "games.example",
      method: "POST",
      status: 200,
      bytes: 812,
      contentType: "text/html",
      userAgent: "Mozilla/5.0 (Windows NT 10.0)",
      resultCode: "*EXCEPTION*",
      filterGroup: "Year 7",
      filterWeight: 0,
      reason: "Exception site match.",
    });
  });

  it("reads e2guardian 5's layout with epoch time and duration", () => {
    expect(eventOf(parse(PROTEX))).toMatchObject({
      time: "2024-03-05T14:02:11.250Z",
      action: "blocked",
      user: "carol",
      clientIp: "192.168.0.8",
      clientHost: "pc-8.lan",
      url: "https://chat.example:443",
      host: "chat.example",
      port: 443,
      durationMs: 37,
      filterCategory: "Chat",
      filterGroup: "Pupils",
      reason: "Banned category: Chat",
    });
  });

  it("reads e2guardian 5's layout without the client IP column, and with search terms", () => {
    const fields = PROTEX.split("\t");
    const withoutIp = eventOf(parse([...fields.slice(0, 3), ...fields.slice(4)].join("\t")));
    expect(withoutIp).toMatchObject({ clientHost: "pc-8.lan", user: "carol", filterCategory: "Chat" });
    expect(eventOf(parse([...fields, "chat rooms", "-"].join("\t"))).filterGroup).toBe("Pupils");
  });
});

describe("e2guardian properties", () => {
  it("never throws on any text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWellFormed(parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on near-valid lines", () => {
    fc.assert(
      fc.property(fc.oneof(mutated(DENIED), mutated(ALLOWED), mutated(TABBED), mutated(PROTEX)), (line) => {
        expectWellFormed(inLondon(line));
      }),
      { numRuns: 400 },
    );
  });

  it("round-trips random fields through format 1", () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,9}$/);
    fc.assert(
      fc.property(
        fc.record({
          epochSeconds: fc.integer({ min: 0, max: 4_102_444_799 }),
          user: fc.option(word, { nil: undefined }),
          ip: fc.ipV4(),
          host: fc.domain(),
          reasonWords: fc.array(word, { maxLength: 5 }),
          method: fc.constantFrom("GET", "POST", "CONNECT", "HEAD"),
          size: fc.nat(),
          weight: fc.integer({ min: -500, max: 500 }),
          categoryWords: fc.array(word, { minLength: 1, maxLength: 3 }),
          group: fc.integer({ min: 1, max: 99 }),
        }),
        (f) => {
          const date = new Date(f.epochSeconds * 1000);
          const when = `${date.getUTCFullYear()}.${date.getUTCMonth() + 1}.${date.getUTCDate()} ${date.toISOString().slice(11, 19)}`;
          const what = f.reasonWords.length > 0 ? `*DENIED* ${f.reasonWords.join(" ")}` : "";
          const url = `http://${f.host}/`;
          const line = [when, f.user ?? "-", f.ip, url, what, f.method, f.size, f.weight]
            .concat([
              f.categoryWords.join(" "),
              f.group,
              what === "" ? 200 : 403,
              "text/html",
              "-",
              "Default",
            ])
            .join(" ");
          const event = eventOf(parse(line));
          expect(event).toMatchObject({
            time: date.toISOString(),
            clientIp: f.ip,
            url,
            host: f.host.toLowerCase(),
            method: f.method,
            bytes: f.size,
            filterWeight: f.weight,
            filterCategory: f.categoryWords.join(" "),
            filterGroup: String(f.group),
            action: what === "" ? "allowed" : "blocked",
          });
          expect(event.user).toBe(f.user);
          expect(event.reason).toBe(f.reasonWords.length > 0 ? f.reasonWords.join(" ") : undefined);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads 1 MB lines of hostile shapes in linear time", () => {
    expectLinearOnHugeLines(parse, DENIED);
    expectLinearOnHugeLines(parse, TABBED);
  });
});

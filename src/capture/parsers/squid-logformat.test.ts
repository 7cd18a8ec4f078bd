import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parserFor } from "./parser-registry.js";
import {
  anyText,
  eventOf,
  expectLinearOnHugeLines,
  expectWellFormed,
  malformedReason,
  mutated,
  parserOrFail,
} from "./parsers.test-helper.js";
import { compileLogformat } from "./squid-logformat.compile.js";

const withFormat = (logFormat: string) => parserOrFail("squid-logformat", { logFormat });
const NATIVE_LINE =
  "1157689337.481      4 10.105.47.218 TCP_DENIED/407 1661 GET http://hi5.com/ - NONE/- text/html";
const COMBINED_LINE =
  '192.168.0.5 - alice [05/Mar/2024:14:02:11 +0100] "GET http://example.com/a?b=1 HTTP/1.1" 200 1234 ' +
  '"http://search.example/?q=x" "Mozilla/5.0 (X11; Linux x86_64) \\"quoted\\"" TCP_MISS:HIER_DIRECT';
const SCHOOL_FORMAT = '%ts.%03tu %6tr %>a %un %Ss/%03>Hs %<st %rm %ru %mt %"{User-Agent}>h %err_code %>rd';

describe("compiling logformat specs: refusals", () => {
  it.each([
    ["%>a %ru", "the format has no time code"],
    ["%ts %", "'%' at column 5 is not followed by a format code"],
    ["%ts%tu", "follows another code with no separator"],
    ["%ts %{User-Agent >h", "unclosed '{'"],
    ["%{%d/%b}tl %ru", "custom strftime arguments"],
  ])("%j → %s", (spec, reason) => {
    const compiled = compileLogformat(spec);
    expect(compiled.ok ? "" : compiled.reason).toContain(reason);
  });

  it("asks for the spec through the registry", () => {
    const missing = parserFor("squid-logformat");
    expect(missing.ok ? "" : missing.reason).toBe("squid-logformat needs the logFormat option");
    const bad = parserFor("squid-logformat", { logFormat: "%ru" });
    expect(bad.ok ? "" : bad.reason).toContain("logFormat: the format has no time code");
  });
});

describe("compiling logformat specs", () => {
  it("reads modifiers, widths, arguments before and after the code, and %%", () => {
    const compiled = compileLogformat('%-6tr %"{Referer}>h %>h{X-Forwarded-For} 100%% %03tu %ts %ssl::>sni');
    if (!compiled.ok) throw new Error(compiled.reason);
    const codes = compiled.format.elements.flatMap((element) => (element.kind === "code" ? [element] : []));
    expect(codes.map((code) => code.key)).toEqual([
      "tr",
      ">h{referer}",
      ">h{x-forwarded-for}",
      "tu",
      "ts",
      "ssl::>sni",
    ]);
    expect(codes[1]?.quoted).toBe(true);
    expect(compiled.format.elements).toContainEqual({ kind: "literal", text: " 100% " });
  });

  it("accepts a whole 'logformat name spec' line and the built-in names", () => {
    for (const spec of ["squid", "common", "combined", "referrer", "useragent", "logformat mine %ts %ru"]) {
      expect(compileLogformat(spec).ok).toBe(true);
    }
  });
});

describe("squid-logformat lines", () => {
  it("reads the built-in squid format like the native parser", () => {
    const native = eventOf(parserOrFail("squid")(NATIVE_LINE));
    expect(eventOf(withFormat("squid")(NATIVE_LINE))).toEqual(native);
    expect(
      eventOf(withFormat("%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt")(NATIVE_LINE)),
    ).toEqual(native);
  });

  it("reads combined: local time with offset, request line, quoted headers", () => {
    expect(eventOf(withFormat("combined")(COMBINED_LINE))).toEqual({
      kind: "web-visit",
      time: "2024-03-05T13:02:11.000Z",
      action: "allowed",
      clientIp: "192.168.0.5",
      user: "alice",
      url: "http://example.com/a?b=1",
      host: "example.com",
      method: "GET",
      status: 200,
      bytes: 1234,
      referer: "http://search.example/?q=x",
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) "quoted"',
      resultCode: "TCP_MISS",
    });
  });

  it("reads common, where the ident column is the only user", () => {
    const line =
      '10.0.0.3 bob - [05/Mar/2024:14:02:11 -0500] "CONNECT mail.example:443 HTTP/1.1" 407 3900 TCP_DENIED:HIER_NONE';
    expect(eventOf(withFormat("common")(line))).toMatchObject({
      time: "2024-03-05T19:02:11.000Z",
      user: "bob",
      host: "mail.example",
      port: 443,
      action: "blocked",
    });
  });

  it("reads a school's own format with %\" quoting, %err_code and %>rd", () => {
    const line =
      '1709647331.007    88 192.168.0.5 carol TCP_DENIED/403 3800 GET http://bad.example/x text/html "Mozilla/5.0 (A \\"B\\")" ERR_ACCESS_DENIED bad.example';
    expect(eventOf(withFormat(SCHOOL_FORMAT)(line))).toMatchObject({
      time: "2024-03-05T14:02:11.007Z",
      durationMs: 88,
      user: "carol",
      userAgent: 'Mozilla/5.0 (A "B")',
      reason: "ERR_ACCESS_DENIED",
      action: "blocked",
      host: "bad.example",
    });
  });

  it("reads %tg and %tS, and skips unknown codes' values", () => {
    const line = "1709647331.5 05/Mar/2024:14:02:11 +0000 zz-unknown http://a.example/";
    const event = eventOf(withFormat("%tS %tg %ssl::bump_mode %ru")(line));
    expect(event).toMatchObject({ time: "2024-03-05T14:02:11.500Z", action: "unknown", host: "a.example" });
  });

  it.each([
    [
      NATIVE_LINE.replace("TCP_DENIED/407", "TCP_DENIED:407"),
      "squid",
      "field 5 (%Ss) is not followed by '/'",
    ],
    [NATIVE_LINE.replace("/407", "/4x7"), "squid", "field 6 (%>Hs) is not a number: '4x7'"],
    [NATIVE_LINE.replace("1157689337.481", "now.481"), "squid", "field 1 (%ts) is not epoch seconds: 'now'"],
    [NATIVE_LINE.replace(".481", ".4810"), "squid", "field 2 (%tu) is not milliseconds: '4810'"],
    [COMBINED_LINE.replace("[05/Mar", "05/Mar"), "combined", "expected ' [' at column"],
    [COMBINED_LINE.replace("05/Mar/2024", "05/Foo/2024"), "combined", "field 4 (%tl) is not 'dd/Mon/yyyy"],
    ['1.0 "unterminated', '%ts %"ru', "field 2 (%ru) is not a closed quoted string"],
  ])("%j in %s → %s", (line, format, reason) => {
    expect(malformedReason(withFormat(format)(line))).toContain(reason);
  });
});

describe("squid-logformat properties", () => {
  const parsers = ["squid", "combined", "common", SCHOOL_FORMAT].map(withFormat);

  it("never throws on any text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const parse of parsers) expectWellFormed(parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on near-valid lines", () => {
    fc.assert(
      fc.property(fc.oneof(mutated(NATIVE_LINE), mutated(COMBINED_LINE)), (line) => {
        for (const parse of parsers) expectWellFormed(parse(line));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws while compiling any spec, and compiled parsers never throw", () => {
    fc.assert(
      fc.property(anyText, anyText, (spec, line) => {
        const compiled = parserFor("squid-logformat", { logFormat: spec });
        if (compiled.ok) expectWellFormed(compiled.parse(line));
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips random fields through combined", () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    fc.assert(
      fc.property(
        fc.record({
          ip: fc.ipV4(),
          user: word,
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          status: fc.integer({ min: 200, max: 399 }),
          bytes: fc.nat(),
          host: fc.domain(),
          agent: fc.stringMatching(/^[A-Za-z0-9 ()./;]{1,40}$/).map((agent) => agent.trim() || "x"),
        }),
        (f) => {
          const day = String(f.day).padStart(2, "0");
          const hour = String(f.hour).padStart(2, "0");
          const line = `${f.ip} - ${f.user} [${day}/Jul/2025:${hour}:30:00 +0000] "GET http://${f.host}/ HTTP/1.1" ${f.status} ${f.bytes} "-" "${f.agent}" TCP_MISS:HIER_DIRECT`;
          expect(eventOf(withFormat("combined")(line))).toMatchObject({
            clientIp: f.ip,
            user: f.user,
            time: `2025-07-${day}T${hour}:30:00.000Z`,
            status: f.status,
            bytes: f.bytes,
            host: f.host.toLowerCase(),
            userAgent: f.agent,
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads 1 MB lines of hostile shapes in linear time", () => {
    for (const parse of parsers) expectLinearOnHugeLines(parse, COMBINED_LINE);
  });
});

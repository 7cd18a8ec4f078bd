/**
 * Reads a Squid `logformat` spec (`%ts.%03tu %6tr %>a %Ss/%03>Hs ...`) into literals and
 * format codes, following Squid's own syntax: `%["|[|'|#|/][-][[0]width][.max][{arg}]code[{arg}]`.
 * Codes are matched longest first against the codes Squid knows; an unknown code is read as
 * a run of letters and its value is skipped, so a site's extra columns do not stop parsing.
 */
import { quote } from "./log-fields.js";

/** Squid's built-in formats (squid.conf.documented, `logformat`). */
export const BUILT_IN_LOGFORMATS: Readonly<Record<string, string>> = {
  squid: "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt",
  common: '%>a %[ui %[un [%tl] "%rm %ru HTTP/%rv" %>Hs %<st %Ss:%Sh',
  combined: '%>a %[ui %[un [%tl] "%rm %ru HTTP/%rv" %>Hs %<st "%{Referer}>h" "%{User-Agent}>h" %Ss:%Sh',
  referrer: "%ts.%03tu %>a %{Referer}>h %ru",
  useragent: '%>a [%tl] "%{User-Agent}>h"',
};

const KNOWN_CODES = [
  "ts tu tS tl tg tr dt tt <tt <pt <tS",
  ">a >A >p >eui >la >lp la lp <a <A <p <la <lp >qos >nfmark",
  "un ul ui us ue credentials Ss Sh >Hs <Hs Hs <bs >bs <st >st st <sh >sh",
  "rm >rm <rm ru >ru <ru >rs <rs rs >rd <rd >rP <rP rp >rp <rp >rv <rv rv mt",
  ">h <h >ha <ha sn err_code err_detail note ea et",
]
  .join(" ")
  .split(" ")
  .sort((a, b) => b.length - a.length);
const MODIFIERS = `"['#/`;
/** Letters, with `::` sections as in `%ssl::>sni`; one `:` is a literal (`%Ss:%Sh`). */
const UNKNOWN_CODE = /^[<>]?[A-Za-z_]+(?:::[<>]?[A-Za-z_]+)*/;

export type FormatLiteral = { kind: "literal"; text: string };
export type FormatCode = {
  kind: "code";
  /** The code with its header argument for `>h`/`<h` (`>h{user-agent}`), else the code. */
  key: string;
  code: string;
  argument?: string;
  /** `%"code`: the value is written in double quotes with `\"` escapes. */
  quoted: boolean;
  /** 1-based position among the codes, for reasons ("field 4 (%>Hs)"). */
  position: number;
};
export type FormatElement = FormatLiteral | FormatCode;
export type CompiledLogformat = { elements: FormatElement[]; keys: ReadonlySet<string> };
export type CompileResult = { ok: true; format: CompiledLogformat } | { ok: false; reason: string };

const TIME_CODES = ["ts", "tS", "tl", "tg"];

/** Compiles a `logformat` spec, a whole `logformat name spec` line, or a built-in name. */
export function compileLogformat(input: string): CompileResult {
  let spec = input.trim();
  if (spec.startsWith("logformat "))
    spec = spec
      .slice(10)
      .trimStart()
      .replace(/^\S+\s+/, "");
  // hasOwn: a spec such as `toString` must not find Object.prototype's members.
  if (Object.hasOwn(BUILT_IN_LOGFORMATS, spec)) spec = BUILT_IN_LOGFORMATS[spec] ?? spec;
  const elements: FormatElement[] = [];
  let literal = "";
  let position = 0;
  let i = 0;
  while (i < spec.length) {
    const ch = spec.charAt(i);
    if (ch !== "%") {
      literal += ch;
      i++;
      continue;
    }
    if (spec.charAt(i + 1) === "%") {
      literal += "%";
      i += 2;
      continue;
    }
    const column = i + 1;
    i++;
    let quoted = false;
    while (MODIFIERS.includes(spec.charAt(i)) && i < spec.length) quoted = spec.charAt(i++) === '"' || quoted;
    if (spec.charAt(i) === "-") i++;
    while (/[\d.]/.test(spec.charAt(i)) && i < spec.length) i++;
    let argument = readArgument(spec, i);
    if (argument === null) return { ok: false, reason: `unclosed '{' in the code at column ${column}` };
    i = argument.end;
    const code =
      KNOWN_CODES.find((known) => spec.startsWith(known, i)) ?? UNKNOWN_CODE.exec(spec.slice(i))?.[0];
    if (code === undefined)
      return { ok: false, reason: `'%' at column ${column} is not followed by a format code` };
    i += code.length;
    if (argument.text === undefined) {
      argument = readArgument(spec, i);
      if (argument === null) return { ok: false, reason: `unclosed '{' after %${code} at column ${column}` };
      i = argument.end;
    }
    if (literal !== "") elements.push({ kind: "literal", text: literal });
    else if (elements.at(-1)?.kind === "code") {
      return { ok: false, reason: `%${code} at column ${column} follows another code with no separator` };
    }
    literal = "";
    const header = argument.text !== undefined && (code === ">h" || code === "<h");
    elements.push({
      kind: "code",
      key: header ? `${code}{${(argument.text ?? "").toLowerCase()}}` : code,
      code,
      ...(argument.text === undefined ? {} : { argument: argument.text }),
      quoted,
      position: ++position,
    });
  }
  if (literal !== "") elements.push({ kind: "literal", text: literal });
  const keys = new Set(elements.flatMap((element) => (element.kind === "code" ? [element.key] : [])));
  if (!TIME_CODES.some((code) => keys.has(code))) {
    return { ok: false, reason: `the format has no time code (%ts, %tS, %tl or %tg): ${quote(spec)}` };
  }
  const strftime = elements.some(
    (e) => e.kind === "code" && (e.code === "tl" || e.code === "tg") && e.argument,
  );
  if (strftime) {
    return { ok: false, reason: "custom strftime arguments to %tl or %tg are not supported" };
  }
  return { ok: true, format: { elements, keys } };
}

function readArgument(spec: string, start: number): { text?: string; end: number } | null {
  if (spec.charAt(start) !== "{") return { end: start };
  const close = spec.indexOf("}", start);
  return close === -1 ? null : { text: spec.slice(start + 1, close), end: close + 1 };
}

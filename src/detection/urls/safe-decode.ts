/**
 * Query-string decoding that never throws. `decodeURIComponent` throws on `%zz` and on broken
 * UTF-8, and search URLs pupils paste or proxies log contain both; here a bad escape stays as
 * written and bad bytes become U+FFFD, as browsers show them.
 */

const utf8 = new TextDecoder("utf-8");
const HEX = /^[0-9a-f]{2}$/i;
const PERCENT = 37;

/** Decodes one query value or path segment; `+` is a space when `plusIsSpace`. */
export function safeDecodeComponent(raw: string, plusIsSpace = true): string {
  const text = plusIsSpace ? raw.replaceAll("+", " ") : raw;
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return decodeLeniently(text);
  }
}

function decodeLeniently(text: string): string {
  let out = "";
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += utf8.decode(Uint8Array.from(bytes));
    bytes = [];
  };
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text.charCodeAt(i) === PERCENT && HEX.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      flush();
      out += text.charAt(i);
    }
  }
  flush();
  return out;
}

/** The decoded value of the first of `names` present and non-blank in a query string, or null. */
export function findQueryParam(query: string, names: readonly string[]): string | null {
  if (query.length === 0) return null;
  const pairs = query.split("&");
  for (const name of names) {
    for (const pair of pairs) {
      const eq = pair.indexOf("=");
      if (eq === -1 || safeDecodeComponent(pair.slice(0, eq)) !== name) continue;
      const value = safeDecodeComponent(pair.slice(eq + 1));
      if (value.trim().length > 0) return value;
    }
  }
  return null;
}

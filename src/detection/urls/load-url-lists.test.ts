import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { categoriseUrl } from "./categorise-url.js";
import { formatUrlListBundle } from "./list-bundle.js";
import { gunzipIfNeeded, loadUrlLists } from "./load-url-lists.js";
import { UrlListFormatError } from "./url-list-error.js";

const encode = (text: string) => new TextEncoder().encode(text);
const bundle = (category: string, domains: string[]) =>
  formatUrlListBundle([{ category, domains, urls: [] }], ["test"]);

describe("loadUrlLists", () => {
  it("loads gzipped and plain bundles together, plus extra lists", async () => {
    const lookup = await loadUrlLists(
      [new Uint8Array(gzipSync(bundle("gambling", ["bet.example"]))), encode(bundle("vpn", ["vpn.example"]))],
      [{ category: "allowed", source: "school", domains: ["school.example"], urls: [] }],
    );
    expect(categoriseUrl(lookup, "bet.example").categories[0]?.vigil).toBe("gambling");
    expect(categoriseUrl(lookup, "vpn.example").avoidance).toEqual([
      { kind: "vpn", source: "ut1", list: "vpn" },
    ]);
    expect(categoriseUrl(lookup, "school.example").categories[0]?.kind).toBe("allow");
  });

  it("refuses damaged gzip with a named error", async () => {
    await expect(gunzipIfNeeded(Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2, 3))).rejects.toBeInstanceOf(
      UrlListFormatError,
    );
  });
});

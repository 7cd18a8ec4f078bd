import { describe, expect, it } from "vitest";
import { categoriseUrl } from "./categorise-url.js";
import { formatUrlListBundle, parseUrlListBundle } from "./list-bundle.js";
import { deserialiseUrlLookup, serialiseUrlLookup } from "./serialise-lookup.js";
import { buildUrlLookup, type UrlListInput } from "./url-lookup.js";
import { UrlListFormatError } from "./url-list-error.js";

const lists: UrlListInput[] = [
  { category: "gambling", domains: ["bet.example", "Casino.Example."], urls: ["news.example/odds"] },
  { category: "liste_blanche", domains: ["school.example"], urls: [] },
  { category: "games", source: "school", domains: ["bet.example"], urls: ["games.example/ünïcode/"] },
];
const probes = [
  "https://bet.example/",
  "sub.casino.example",
  "news.example/odds?x=1",
  "school.example",
  "games.example/ünïcode/x",
  "nothing.example",
];
const describeAll = (lookup: ReturnType<typeof buildUrlLookup>) =>
  probes.map((url) => categoriseUrl(lookup, url).categories);

describe("build, serialise, load", () => {
  it("round-trips through bytes with identical answers", () => {
    const built = buildUrlLookup(lists);
    const bytes = serialiseUrlLookup(built);
    const loaded = deserialiseUrlLookup(bytes);
    expect(describeAll(loaded)).toEqual(describeAll(built));
    expect(loaded.setFlags).toEqual(built.setFlags);
    expect(describeAll(built)[0]?.map((hit) => `${hit.source}/${hit.list}`)).toEqual([
      "ut1/gambling",
      "school/games",
    ]);
  });

  it("loads from an unaligned slice", () => {
    const bytes = serialiseUrlLookup(buildUrlLookup(lists));
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes, 1);
    expect(describeAll(deserialiseUrlLookup(padded.subarray(1)))).toEqual(describeAll(buildUrlLookup(lists)));
  });

  it("refuses bytes that are not a lookup, naming the problem", () => {
    const bytes = serialiseUrlLookup(buildUrlLookup(lists));
    const badMagic = bytes.slice();
    badMagic[0] = 0;
    expect(() => deserialiseUrlLookup(badMagic)).toThrow(/bad magic/);
    expect(() => deserialiseUrlLookup(bytes.subarray(0, bytes.length - 8))).toThrow(UrlListFormatError);
    expect(() => deserialiseUrlLookup(new Uint8Array(3))).toThrow(/truncated/);
    const badVersion = bytes.slice();
    badVersion[4] = 9;
    expect(() => deserialiseUrlLookup(badVersion)).toThrow(/version 9/);
  });

  it("refuses metadata whose list entries are malformed", () => {
    const built = buildUrlLookup(lists);
    const broken = { ...built, lists: [{ ...built.lists[0]!, kind: "block" as "alert" }] };
    expect(() => deserialiseUrlLookup(serialiseUrlLookup(broken))).toThrow(/malformed list entry/);
  });

  it("refuses out-of-range indexes rather than misbehaving later", () => {
    const built = buildUrlLookup(lists);
    built.setLists[0] = 999;
    expect(() => deserialiseUrlLookup(serialiseUrlLookup(built))).toThrow(/out of range/);
  });
});

describe("list bundle text", () => {
  it("formats sorted, deduplicated sections and parses them back", () => {
    const text = formatUrlListBundle(
      [{ category: "gambling", domains: ["b.example", "a.example", "b.example"], urls: ["c.example/x"] }],
      ["Attribution line"],
    );
    expect(text).toBe(
      "#! vigil-url-lists 1\n# Attribution line\n\n[ut1/gambling]\na.example\nb.example\nc.example/x\n",
    );
    expect(parseUrlListBundle(text)).toEqual([
      { source: "ut1", category: "gambling", domains: ["a.example", "b.example"], urls: ["c.example/x"] },
    ]);
  });

  it("names the line that is wrong", () => {
    expect(() => parseUrlListBundle("not a bundle\n")).toThrow(/line 1/);
    expect(() => parseUrlListBundle("#! vigil-url-lists 1\n# c\nstray.example\n")).toThrow(/line 3/);
  });
});

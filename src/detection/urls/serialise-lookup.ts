/**
 * A lookup as one byte array and back, so a browser extension or a server can cache the
 * compiled form and skip rebuilding from text. Layout (little-endian, 4-byte aligned):
 * `VGUL`, version, metadata JSON length, the JSON (lists and URL paths), then each typed array
 * as element count + elements. Loading makes views over the bytes without copying them.
 */
import { buildHostFilter, SLOT_WIDTH, type HostHashTable } from "./host-hash-table.js";
import { deriveSetFlags, type UrlListInfo, type UrlLookup } from "./url-lookup.js";
import { UrlListFormatError } from "./url-list-error.js";

const MAGIC = 0x4c554756; // "VGUL" read as a little-endian u32
const VERSION = 1;
type Meta = { lists: UrlListInfo[]; urlPaths: string[] };
type Numbers = Int32Array | Uint32Array | Uint16Array;

/** The lookup as bytes for serialiseUrlLookup's reverse, deserialiseUrlLookup. */
export function serialiseUrlLookup(lookup: UrlLookup): Uint8Array {
  const meta: Meta = { lists: [...lookup.lists], urlPaths: [...lookup.urlPaths] };
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  const arrays = arraysOf(lookup);
  let size = 12 + align4(metaBytes.length);
  for (const array of arrays) size += 4 + align4(array.byteLength);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, metaBytes.length, true);
  bytes.set(metaBytes, 12);
  let offset = 12 + align4(metaBytes.length);
  for (const array of arrays) {
    view.setUint32(offset, array.length, true);
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset + 4);
    offset += 4 + align4(array.byteLength);
  }
  return bytes;
}

/** A lookup from serialiseUrlLookup's bytes; throws UrlListFormatError on anything else. */
export function deserialiseUrlLookup(input: Uint8Array): UrlLookup {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
    throw new UrlListFormatError("Serialised URL lists need a little-endian machine; load the text lists");
  }
  // Typed-array views need 4-byte alignment; copy only when the caller's slice lacks it.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const reader = new Reader(bytes);
  if (reader.u32() !== MAGIC) throw new UrlListFormatError("Not a serialised Vigil URL lookup (bad magic)");
  const version = reader.u32();
  if (version !== VERSION) throw new UrlListFormatError(`Unsupported URL lookup version ${version}`);
  const meta = parseMeta(reader.utf8(reader.u32()));
  const domainSlots = reader.array(Int32Array);
  const urlHostSlots = reader.array(Int32Array);
  const urlGroupStarts = reader.array(Uint32Array);
  const urlEntrySets = reader.array(Uint32Array);
  const setStarts = reader.array(Uint32Array);
  const setLists = reader.array(Uint16Array);
  const domains = checkTable(domainSlots, setStarts.length - 1);
  const urlHosts = checkTable(urlHostSlots, urlGroupStarts.length - 1);
  const lookup: UrlLookup = {
    lists: meta.lists,
    domains,
    urlHosts,
    urlGroupStarts,
    urlPaths: meta.urlPaths,
    urlEntrySets,
    setStarts,
    setLists,
    setFlags: deriveSetFlags(meta.lists, setStarts, setLists),
    urlHostFilter: buildHostFilter(urlHosts),
  };
  checkReferences(lookup);
  return lookup;
}

function arraysOf(lookup: UrlLookup): Numbers[] {
  const { domains, urlHosts } = lookup;
  return [
    domains.slots,
    urlHosts.slots,
    lookup.urlGroupStarts,
    lookup.urlEntrySets,
    lookup.setStarts,
    lookup.setLists,
  ];
}

/** The table over `slots`, whose values must all point below `targets`. */
function checkTable(slots: Int32Array, targets: number): HostHashTable {
  const size = slots.length / SLOT_WIDTH;
  if (!Number.isInteger(size) || size === 0 || (size & (size - 1)) !== 0) {
    throw new UrlListFormatError("Serialised URL lookup has a malformed hash table");
  }
  let empty = 0;
  for (let at = 2; at < slots.length; at += SLOT_WIDTH) {
    const stored = slots[at]!;
    if (stored === 0) empty++;
    else if (stored < 0 || stored > targets)
      throw new UrlListFormatError("Serialised URL lookup has an index out of range");
  }
  // A table with no empty slot would make a probe for an absent host loop for ever.
  if (empty === 0) throw new UrlListFormatError("Serialised URL lookup has a full hash table");
  return { mask: size - 1, slots };
}

/** Every index points inside its target, so lookups on a damaged file cannot misbehave. */
function checkReferences(lookup: UrlLookup): void {
  const sets = lookup.setStarts.length - 1;
  const groups = lookup.urlGroupStarts.length - 1;
  const entries = lookup.urlPaths.length;
  const bad =
    sets < 0 ||
    groups < 0 ||
    lookup.urlEntrySets.length !== entries ||
    !isMonotonic(lookup.setStarts, lookup.setLists.length) ||
    !isMonotonic(lookup.urlGroupStarts, entries) ||
    lookup.urlEntrySets.some((set) => set >= sets) ||
    lookup.setLists.some((list) => list >= lookup.lists.length);
  if (bad) throw new UrlListFormatError("Serialised URL lookup has an index out of range");
}

function isMonotonic(starts: Uint32Array, end: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== end) return false;
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) return false;
  return true;
}

function parseMeta(json: string): Meta {
  let meta: unknown;
  try {
    meta = JSON.parse(json);
  } catch {
    throw new UrlListFormatError("Serialised URL lookup has unreadable metadata");
  }
  const value = meta as { lists?: unknown; urlPaths?: unknown } | null;
  if (!value || !Array.isArray(value.lists) || !Array.isArray(value.urlPaths)) {
    throw new UrlListFormatError("Serialised URL lookup metadata lacks lists or urlPaths");
  }
  const lists: unknown[] = value.lists;
  if (!lists.every(isListInfo))
    throw new UrlListFormatError("Serialised URL lookup has a malformed list entry");
  return { lists, urlPaths: value.urlPaths.map(String) };
}

function isListInfo(value: unknown): value is UrlListInfo {
  const list = value as Partial<Record<keyof UrlListInfo, unknown>> | null;
  return (
    typeof list?.name === "string" &&
    typeof list.source === "string" &&
    typeof list.vigil === "string" &&
    (list.kind === "alert" || list.kind === "info" || list.kind === "allow") &&
    (list.avoidance === undefined ||
      list.avoidance === "proxy" ||
      list.avoidance === "vpn" ||
      list.avoidance === "doh")
  );
}

function align4(length: number): number {
  return (length + 3) & ~3;
}

class Reader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  utf8(length: number): string {
    this.need(length);
    const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += align4(length);
    return text;
  }

  array<T extends Numbers>(Kind: {
    new (buffer: ArrayBuffer, offset: number, length: number): T;
    BYTES_PER_ELEMENT: number;
  }): T {
    const length = this.u32();
    const byteLength = length * Kind.BYTES_PER_ELEMENT;
    this.need(byteLength);
    const array = new Kind(this.bytes.buffer as ArrayBuffer, this.bytes.byteOffset + this.offset, length);
    this.offset += align4(byteLength);
    return array;
  }

  private need(length: number): void {
    if (this.offset + length > this.bytes.byteLength) {
      throw new UrlListFormatError("Serialised URL lookup is truncated");
    }
  }
}

/**
 * An open-addressing table of 64-bit host hashes in typed arrays: no strings kept, no allocation
 * per lookup, serialisable as three arrays (research/detection-anchors.md 3.5: ~3M lookups/s at
 * a million entries, against 0.6M/s for a `Map` probed with `slice`).
 *
 * Hosts are hashed right to left, so while walking `a.b.example.com` from the end the running
 * hash at each `.` is already the hash of that suffix: one pass probes every suffix.
 */

export type HostHashTable = {
  /** Slot count minus one; slot count is a power of two. */
  mask: number;
  /**
   * Three numbers a slot: hash A, hash B, stored value plus one (0 marks an empty slot).
   * Interleaved so a probe touches one cache line, not three arrays' worth.
   */
  slots: Int32Array;
};

/** Numbers per slot in `slots`. */
export const SLOT_WIDTH = 3;

export const SEED_A = 0x811c9dc5 | 0;
export const SEED_B = 0x2f8c5d3b | 0;

/** Feeds one character into hash A (FNV-1a). Inline-friendly: called per character. */
export function stepA(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** Feeds one character into hash B (a different multiply-xorshift, so A and B fail apart). */
export function stepB(hash: number, code: number): number {
  const mixed = Math.imul(hash ^ code, 0x5bd1e995);
  return mixed ^ (mixed >>> 13);
}

/** The slot a hash pair starts probing at (murmur3's finaliser spreads FNV's low bits). */
function startSlot(a: number, b: number, mask: number): number {
  let h = a ^ Math.imul(b, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/** Both hashes of a whole string, right to left (the same walk lookups do). */
export function hashHost(host: string): [number, number] {
  let a = SEED_A;
  let b = SEED_B;
  for (let i = host.length - 1; i >= 0; i--) {
    const code = host.charCodeAt(i);
    a = stepA(a, code);
    b = stepB(b, code);
  }
  return [a, b];
}

/** The stored value for a hash pair, or -1. */
export function probe(table: HostHashTable, a: number, b: number): number {
  const { mask, slots } = table;
  let slot = startSlot(a, b, mask);
  for (;;) {
    const at = slot * SLOT_WIDTH;
    const stored = slots[at + 2]!;
    if (stored === 0) return -1;
    if (slots[at] === a && slots[at + 1] === b) return stored - 1;
    slot = (slot + 1) & mask;
  }
}

/** An empty table for `count` hosts, at most half full so probes stay short. */
export function createHostHashTable(count: number): HostHashTable {
  let size = 16;
  while (size < count * 2) size *= 2;
  return { mask: size - 1, slots: new Int32Array(size * SLOT_WIDTH) };
}

/** Adds `host` → `value`; a host already present keeps its first value. */
export function insertHost(table: HostHashTable, host: string, value: number): void {
  const [a, b] = hashHost(host);
  const { mask, slots } = table;
  let slot = startSlot(a, b, mask);
  while (slots[slot * SLOT_WIDTH + 2] !== 0) {
    // The same 64-bit hash is the same host for any list we will ever see.
    if (slots[slot * SLOT_WIDTH] === a && slots[slot * SLOT_WIDTH + 1] === b) return;
    slot = (slot + 1) & mask;
  }
  slots[slot * SLOT_WIDTH] = a;
  slots[slot * SLOT_WIDTH + 1] = b;
  slots[slot * SLOT_WIDTH + 2] = value + 1;
}

const FILTER_BITS = 1 << 16;

/**
 * A 64 Kbit filter of a small table's hash A values: a clear bit proves a host is absent, so the
 * hot loop skips most probes of the URL-prefix table (a few thousand hosts, ~5% false hits).
 */
export function buildHostFilter(table: HostHashTable): Uint32Array {
  const bits = new Uint32Array(FILTER_BITS / 32);
  for (let at = 0; at < table.slots.length; at += SLOT_WIDTH) {
    if (table.slots[at + 2] === 0) continue;
    const bit = table.slots[at]! & (FILTER_BITS - 1);
    bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  return bits;
}

/** False when `a` is certainly not in the table buildHostFilter saw. */
export function mayContain(filter: Uint32Array, a: number): boolean {
  const bit = a & (FILTER_BITS - 1);
  return (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

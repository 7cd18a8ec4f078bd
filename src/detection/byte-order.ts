/** True where a 16- or 32-bit number's low byte comes first in memory, as on every common CPU. */
export const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

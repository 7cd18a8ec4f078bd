// Hand-made folding data that Unicode normalisation does not give us: look-alike letters from other
// scripts (a subset of UTS #39 confusables chosen for Latin-script abuse), letters NFKD leaves alone
// (`ł`, `ø`, `æ`), characters to drop, and the combining marks treated as removable diacritics.

const PAIRS = [
  // Cyrillic capitals then small letters
  "Аa Вb Еe Кk Мm Нh Оo Рp Сc Тt Уy Хx Ѕs Іi Јj Ԁd Ԛq Ԝw Үy",
  "аa вb еe кk мm нh оo рp сc тt уy хx ѕs іi јj ԁd ԛq ԝw үy һh ӏl ьb",
  // Greek capitals then small letters (capital Eta looks like H, small eta like n)
  "Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx",
  "αa βb εe ιi κk νv οo ρp τt υu χx ωw ϲc ϳj ηn μu",
  // Latin letters with no decomposition, IPA and small capitals
  "łl Łl đd Đd øo Øo ħh Ħh ŧt Ŧt ıi ðd Ðd ŋn Ŋn ɑa ɡg ɩi ɪi ʟl ʀr ʏy ʜh ɢg ɴn",
  "ᴀa ʙb ᴄc ᴅd ᴇe ᴊj ᴋk ᴍm ᴏo ᴘp ꜱs ᴛt ᴜu ᴠv ᴡw ᴢz",
  // Armenian and Cherokee letters that pass for Latin ones
  "օo սu հh ոn ᎪA ᎠD ᎬE ᎻH ᏆJ ᏦK ᎷM ᏢP ᏚS ᎢT ᏙV ᏔW",
  // Arabic-script spelling variants folded to one form (Urdu yeh/keheh, alef maqsura)
  "یي ىي کك",
] as const;

function buildConfusables(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of PAIRS) {
    for (const pair of line.split(" ")) {
      const chars = Array.from(pair);
      map.set(chars[0]!, chars[1]!.toLowerCase());
    }
  }
  for (const [from, to] of [
    ["æ", "ae"],
    ["Æ", "ae"],
    ["œ", "oe"],
    ["Œ", "oe"],
    ["þ", "th"],
    ["Þ", "th"],
  ] as const) {
    map.set(from, to);
  }
  // Negative circled, negative squared and regional-indicator letters have no decomposition.
  for (const base of [0x1f150, 0x1f170, 0x1f1e6]) {
    for (let i = 0; i < 26; i++) map.set(String.fromCodePoint(base + i), String.fromCharCode(0x61 + i));
  }
  return map;
}

/** Character -> folded lower-case string, applied before and after case folding. */
export const CONFUSABLES: ReadonlyMap<string, string> = buildConfusables();

/** Code points dropped outright: zero-width, joiners, bidi controls, soft hyphen, variation selectors, tatweel. */
export const IGNORABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x0640, 0x0640],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0x1bca0, 0x1bca3],
  [0xe0000, 0xe0fff],
];

/**
 * Combining marks folded away: Latin/Greek/Cyrillic diacritics, Arabic harakat and Hebrew points.
 * Indic vowel signs are marks too but carry meaning, so they are kept.
 */
export const DIACRITIC_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];

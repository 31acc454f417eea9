// Folding makes matching accent- and case-insensitive, and word splitting decides what a word
// is. The query and the mention go through these same functions, so "elysee" meets "Élysée" and
// "ELYSÉE", and a query's words are cut exactly where a mention's are.
//
// Words are runs of letters and digits (\p{L}\p{N}); combining marks stay inside the word they
// follow so that decomposed text ("e" + U+0301) is not cut in two. Apostrophes, hyphens and all
// punctuation split: "l'Élysée" is the two words "l" and "Élysée".
//
// Both run once per mention over every word, so the common case (Latin script) goes through
// precomputed tables; anything else takes the general path with the same result.

// Letters that NFD does not decompose but that readers treat as two letters or as a plain one.
const EXTRA: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i', ς: 'σ' };
const EXTRA_RE = /[œæßøłđıς]/g;
const MARKS_RE = /\p{M}+/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

function foldGeneral(text: string): string {
  return text.normalize('NFD').replace(MARKS_RE, '').toLowerCase().replace(EXTRA_RE, (c) => EXTRA[c] ?? c);
}

// Below U+0250 (Basic Latin to Latin Extended-B) each character folds on its own and none is a
// combining mark, so a word of them folds as the concatenation of its characters' folds.
const TABLE_END = 0x250;
const NOT_WORD = 0;
const WORD = 1;
const COMBINING = 2;
const CLASS = new Uint8Array(TABLE_END);
const FOLDED: string[] = [];
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = LETTER_OR_DIGIT.test(ch) ? WORD : NOT_WORD;
  FOLDED.push(foldGeneral(ch));
}

function classOf(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < TABLE_END) return CLASS[c] as number;
  if (c >= 0x2000 && c <= 0x206f) return NOT_WORD; // general punctuation: ’ « » – — …
  const ch = String.fromCodePoint(text.codePointAt(at) as number);
  return LETTER_OR_DIGIT.test(ch) ? WORD : MARK.test(ch) ? COMBINING : NOT_WORD;
}

/** Accent- and case-insensitive form of a text: NFD, combining marks removed, lower case, ligatures split. */
export function fold(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= TABLE_END) return foldGeneral(text);
    if (c >= 0x80) ascii = false;
  }
  if (ascii) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) out += FOLDED[text.charCodeAt(i)] as string;
  return out;
}

/**
 * Appends the words of a text to `raw` (as written, NFC) and `folded`, e.g. "l'Élysée" gives
 * ['l', 'Élysée'] and ['l', 'elysee'].
 */
export function appendWords(text: string, raw: string[], folded: string[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < TABLE_END ? CLASS[c] !== WORD : classOf(text, i) !== WORD) {
      i += stepAt(text, i);
      continue;
    }
    const start = i;
    let ascii = true;
    let plain = true; // only characters below TABLE_END: already NFC, folded by the table
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 0x80) {
        if (CLASS[d] !== WORD) break;
        i++;
      } else if (d < TABLE_END) {
        if (CLASS[d] !== WORD) break;
        ascii = false;
        i++;
      } else {
        if (classOf(text, i) === NOT_WORD) break;
        ascii = plain = false;
        i += stepAt(text, i);
      }
    }
    const word = text.slice(start, i);
    if (ascii) {
      raw.push(word);
      folded.push(word.toLowerCase());
    } else if (plain) {
      raw.push(word);
      let f = '';
      for (let j = start; j < i; j++) f += FOLDED[text.charCodeAt(j)] as string;
      folded.push(f);
    } else {
      raw.push(word.normalize('NFC'));
      folded.push(foldGeneral(word));
    }
  }
}

function stepAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && at + 1 < text.length ? 2 : 1;
}

/** The words of a text as written (NFC), e.g. `splitWords("l'Élysée")` → `['l', 'Élysée']`. */
export function splitWords(text: string): string[] {
  const raw: string[] = [];
  appendWords(text, raw, []);
  return raw;
}

/** The folded words of a text, e.g. `foldedWords("L'ÉLYSÉE")` → `['l', 'elysee']`. */
export function foldedWords(text: string): string[] {
  const folded: string[] = [];
  appendWords(text, [], folded);
  return folded;
}

/** True when the text holds at least one word. */
export function hasWord(text: string): boolean {
  for (let i = 0; i < text.length; i += stepAt(text, i)) if (classOf(text, i) === WORD) return true;
  return false;
}

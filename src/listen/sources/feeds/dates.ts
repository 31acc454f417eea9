// Feed dates to epoch milliseconds (UTC). RSS uses RFC 822 ("Tue, 10 Jun 2003 04:00:00 GMT"),
// Atom and JSON Feed RFC 3339 ("2003-12-13T18:30:02Z"); feeds in the wild add every
// malformation: no time zone (read as UTC), two-digit years (RFC 2822: < 50 → 20xx), named zones
// (CEST, EST, PDT…), "GMT+0200" and "(CEST)" comments as JavaScript prints them, French, German,
// Spanish, Portuguese and Italian month and day names, "June 3, 2003 9:39 PM", asctime, compact
// ISO ("20030603T093921Z"), a space instead of the "T", stray whitespace. Date.parse is not used:
// it reads the process's time zone and differs between engines. Pure.

/** Offsets in minutes of the zone names feeds use. Ambiguous ones take their most common reading. */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, bst: 60, ist: 60, west: 60, cet: 60, met: 60, mez: 60, cest: 120, mest: 120,
  mesz: 120, eet: 120, eest: 180, msk: 180, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

/** Month from a name in English, French, German, Spanish, Portuguese or Italian, by its first letters. */
const MONTH_PREFIXES: Record<string, number> = {
  jan: 1, ene: 1, gen: 1, feb: 2, fev: 2, mar: 3, mrz: 3, apr: 4, avr: 4, abr: 4, may: 5, mai: 5, mag: 5,
  jun: 6, giu: 6, jul: 7, lug: 7, aug: 8, aou: 8, ago: 8, sep: 9, set: 9, oct: 10, okt: 10, out: 10, ott: 10,
  nov: 11, dec: 12, dez: 12, dic: 12,
};

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
}

function monthOf(word: string): number | null {
  const w = fold(word);
  if (w.length < 3 || w.length > 10 || !/^\p{L}+$/u.test(w)) return null;
  if (w.startsWith('juin')) return 6; // French: juin (June) and juil. (July) share "jui"
  if (w.startsWith('juil')) return 7;
  return MONTH_PREFIXES[w.slice(0, 3)] ?? null;
}

/** Zone offset in minutes from "Z", "+0200", "-05:00", "+02", "GMT+2", "CEST", "(CEST)"; undefined when unknown, null when absent. */
function zoneOffset(raw: string): number | null | undefined {
  const text = raw.replace(/\([^)]*\)/g, ' ').trim().toLowerCase();
  if (text === '') return null;
  const numeric = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > 14 || minutes > 59) return undefined;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const name = text.replace(/\.$/, '');
  const named = ZONES[name];
  if (named !== undefined) return named;
  // An unknown zone name (RFC 822's military letters, a local abbreviation) is read as UTC: a few
  // hours off beats no date. Anything longer is not a zone.
  return /^\p{L}{1,5}$/u.test(name) ? 0 : undefined;
}

function twoDigitYear(year: string): number {
  const y = Number(year);
  if (year.length === 2) return y < 50 ? 2000 + y : 1900 + y;
  return y;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMinutes: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const t = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offsetMinutes * 60_000;
  return Number.isFinite(t) ? t : null;
}

function clockOf(h: string | undefined, m: string | undefined, s: string | undefined, ampm: string | undefined): [number, number, number] | null {
  let hour = Number(h ?? 0);
  const minute = Number(m ?? 0);
  const second = Number(s ?? 0);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return [hour, minute, second];
}

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:(?:t|\s+)(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*([z+\-(]\S*(?:\s+\(.*\))?|\p{L}.*)?$/iu;
const TIME = String.raw`(\d{1,2})[:h.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?(?:\s*([ap]\.?m\.?))?`;
// "Tue, 10 Jun 2003 04:00:00 GMT", "10-Jun-03 04:00", "mardi 10 juin 2003 à 04h00 CEST"
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th|er)?\.?[\s-]+(\p{L}+\.?)[\s-]+(\d{4}|\d{2})(?:,?\s*(?:at|à|um|a las|às)?\s*${TIME})?\s*(.*)$`, 'iu');
// "June 3, 2003 9:39 PM EST", "Tue Jun 03 2003 09:39:21 GMT+0200 (CEST)"
const MONTH_DAY_YEAR = new RegExp(String.raw`^(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s*(?:at\s+)?${TIME})?\s*(.*)$`, 'iu');
// asctime: "Tue Jun  3 09:39:21 2003"
const ASCTIME = new RegExp(String.raw`^(\p{L}+)\s+(\d{1,2})\s+${TIME}\s+(\d{4})\s*(.*)$`, 'iu');

/** Dates with a month name: day-month-year, month-day-year, asctime. */
function readWordy(text: string): number | null {
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const month = monthOf(dmy[2] as string);
    const clock = clockOf(dmy[4], dmy[5], dmy[6], dmy[7]);
    const offset = zoneOffset(dmy[8] ?? '');
    if (month !== null && clock !== null && offset !== undefined) return build(twoDigitYear(dmy[3] as string), month, Number(dmy[1]), ...clock, 0, offset ?? 0);
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const month = monthOf(mdy[1] as string);
    const clock = clockOf(mdy[4], mdy[5], mdy[6], mdy[7]);
    const offset = zoneOffset(mdy[8] ?? '');
    if (month !== null && clock !== null && offset !== undefined) return build(Number(mdy[3]), month, Number(mdy[2]), ...clock, 0, offset ?? 0);
  }
  const asc = ASCTIME.exec(text);
  if (asc) {
    const month = monthOf(asc[1] as string);
    const clock = clockOf(asc[3], asc[4], asc[5], asc[6]);
    const offset = zoneOffset(asc[8] ?? '');
    if (month !== null && clock !== null && offset !== undefined) return build(Number(asc[7]), month, Number(asc[2]), ...clock, 0, offset ?? 0);
  }
  return null;
}

/**
 * Epoch ms of a feed date, or null when it cannot be read. A date without a zone is UTC.
 * E.g. `parseFeedDate('Thu, 07 Dec 17 10:00:29 -0800')` → Date.UTC(2017, 11, 7, 18, 0, 29).
 */
export function parseFeedDate(value: string | null | undefined): number | null {
  if (!value) return null;
  const text = value.replace(/[\s\u00a0]+/g, ' ').trim();
  if (text === '' || text.length > 100) return null;

  const iso = ISO.exec(text);
  if (iso) {
    const offset = zoneOffset(iso[8] ?? '');
    if (offset === undefined) return null;
    const ms = iso[7] ? Math.round(Number(`0.${iso[7]}`) * 1000) : 0;
    return build(Number(iso[1]), Number(iso[2] ?? 1), Number(iso[3] ?? 1), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0), ms, offset ?? 0);
  }

  // A leading day name ("Tue,", "mardi", "lun.") is dropped — but "Mar" may be March and "mar."
  // mardi, so the text is tried without its first word, then as written ("June 3, 2003").
  const lead = /^(\p{L}+)\.?,?\s+/u.exec(text);
  const variants = lead ? [text.slice(lead[0].length), text] : [text];
  for (const variant of variants) {
    const t = readWordy(variant);
    if (t !== null) return t;
  }
  return null;
}

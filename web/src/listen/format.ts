// Dates, countries and roles as Listen shows them, in the interface's language.
import type { WorkspaceRole } from '../api/client.ts';
import type { Locale } from '../i18n/i18n.tsx';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };
const dateTimes = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = dateTimes.get(key);
  if (!format) dateTimes.set(key, (format = new Intl.DateTimeFormat(TAGS[locale], options)));
  return format;
}

/** 14 Nov 2026, 23:59 / 14 nov. 2026, 23:59 — in the browser's time zone. */
export function formatDateTime(ms: number, locale: Locale): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** Saturday 14 November 2026 at 23:59:59 — for a title attribute. */
export function formatFullDateTime(ms: number, locale: Locale): string {
  return dateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(ms);
}

const regions = new Map<Locale, Intl.DisplayNames | null>();

/** The country's name for an ISO 3166 code ("FR" → France), or the code when unknown. */
export function countryName(code: string, locale: Locale): string {
  if (!regions.has(locale)) {
    try {
      regions.set(locale, new Intl.DisplayNames([TAGS[locale]], { type: 'region' }));
    } catch {
      regions.set(locale, null);
    }
  }
  try {
    return regions.get(locale)?.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a region code
  }
}

/** A yyyy-mm-dd of a date input, as the first millisecond of that day in the browser's time zone. */
export function startOfDay(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const value = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isNaN(value) ? undefined : value;
}

/** The first millisecond after that day: the exclusive end of a range that includes the day. */
export function endOfDay(date: string): number | undefined {
  const start = startOfDay(date);
  if (start === undefined) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime();
}

const pluralRules = { fr: new Intl.PluralRules('fr-FR'), en: new Intl.PluralRules('en-GB') };

/** 'one' for 1 (and 0 in French), 'other' otherwise: which of a message's two forms to use. */
export function plural(locale: Locale, n: number): 'one' | 'other' {
  return pluralRules[locale].select(n) === 'one' ? 'one' : 'other';
}

/** Managers and strategists edit topics and read the ingest log; the API holds the same line. */
export function canManage(role: WorkspaceRole): boolean {
  return role === 'manager' || role === 'strategist';
}

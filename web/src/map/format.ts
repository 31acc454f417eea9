// Numbers as Map shows them, in the interface's language.
import type { Locale } from '../i18n/i18n.tsx';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A 0–1 share as a percentage: 0.853 → "85 %" / "85%". */
export function formatShare(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(TAGS[locale], { style: 'percent', maximumFractionDigits: value < 0.1 && value > 0 ? 1 : 0 }).format(value);
}

/** A score on 0–100, whole. */
export function formatScore(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 0 }).format(value);
}

/** A measure with a few significant digits (tie strength, constraint, betweenness). */
export function formatMeasure(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(TAGS[locale], { maximumSignificantDigits: 3 }).format(value);
}

/** The name to show for an account: its display name, else @handle. */
export function accountName(account: { handle: string; displayName: string | null }): string {
  return account.displayName?.trim() || account.handle;
}

// Quiet hours: a rule may hold its webhooks between two local hours (e.g. 22 h to 7 h in
// Europe/Paris); the alert itself is recorded and shown at once. Pure: `at` is given.
import { HOUR_MS, type QuietHours } from './model.ts';

/** The local hour (0–23) at `at` in a IANA time zone. */
function localHour(at: number, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(at);
  return Number(hour);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** True when `at` falls within the quiet hours (from inclusive, to exclusive; may span midnight). */
export function inQuietHours(quiet: QuietHours | null, at: number): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const h = localHour(at, quiet.timeZone);
  return quiet.from < quiet.to ? h >= quiet.from && h < quiet.to : h >= quiet.from || h < quiet.to;
}

/** When a webhook may leave: `at` itself, or the first hour after the quiet hours end. */
export function deliveryTime(quiet: QuietHours | null, at: number): number {
  if (!inQuietHours(quiet, at)) return at;
  let t = Math.floor(at / HOUR_MS) * HOUR_MS;
  // Whole-hour time zones step hour by hour; a 26-hour walk covers any span and DST change.
  for (let i = 0; i < 26; i++) {
    t += HOUR_MS;
    if (!inQuietHours(quiet, t)) return t;
  }
  return at;
}

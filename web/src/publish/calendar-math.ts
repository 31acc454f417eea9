// Calendar arithmetic in the user's time zone: the days a day, week (Monday first) or month view
// shows, and a post's day key. Plain functions, no React.

export type CalendarView = 'day' | 'week' | 'month';
const DAY = 86_400_000;

/** YYYY-MM-DD of an instant in a time zone. */
export function dayKey(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Midnight UTC of a YYYY-MM-DD key: a stable handle for date arithmetic (not an instant in the zone). */
function keyDate(key: string): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const keyOf = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(key: string, days: number): string {
  return keyOf(new Date(keyDate(key).getTime() + days * DAY));
}

/** The day keys the view shows around `anchor`: one day, a Monday-first week, or whole weeks covering the month. */
export function visibleDays(view: CalendarView, anchor: string): string[] {
  if (view === 'day') return [anchor];
  const date = keyDate(anchor);
  const mondayOffset = (date.getUTCDay() + 6) % 7;
  if (view === 'week') return Array.from({ length: 7 }, (_, i) => addDays(anchor, i - mondayOffset));
  const first = keyOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
  const start = addDays(first, -((keyDate(first).getUTCDay() + 6) % 7));
  const nextMonth = keyOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
  const days: string[] = [];
  for (let day = start; days.length % 7 !== 0 || day < nextMonth; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The instant a wall-clock time of a day key has in a zone (DST-aware, two passes). */
export function zonedInstant(key: string, time: string, timeZone: string): number {
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const guess = keyDate(key).getTime() + (h * 60 + mi) * 60_000;
  const offset = (at: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) - at;
  };
  const first = guess - offset(guess);
  return guess - offset(first);
}

/** HH:MM of an instant in a zone. */
export function timeOf(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** The range to ask the API for: from the first day's start to the day after the last. */
export function rangeOf(days: readonly string[], timeZone: string): { from: number; to: number } {
  return { from: zonedInstant(days[0]!, '00:00', timeZone), to: zonedInstant(addDays(days.at(-1)!, 1), '00:00', timeZone) };
}

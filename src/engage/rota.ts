// The on-duty rota (pure): weekly shifts in a time zone, exceptions per local date, who is on
// duty or on call at an instant, and the coverage gaps over the week to come. Local times come
// from Intl.DateTimeFormat (ECMA-402 § 11), so daylight-saving changes are the zone's own.

export interface Shift { userId: number; kind: 'duty' | 'on-call'; weekday: number; startMinute: number; endMinute: number; timeZone: string }
export interface RotaException { userId: number; date: string; kind: 'off' | 'on'; startMinute: number | null; endMinute: number | null; timeZone: string }

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(at: number, timeZone: string): { date: string; weekday: number; minute: number } {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday!) + 1;
  return { date: `${p.year}-${p.month}-${p.day}`, weekday, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/** The people on duty and on call at `at`. An 'off' exception removes all of a person's shifts that local day. */
export function whoIsOn(at: number, shifts: readonly Shift[], exceptions: readonly RotaException[]): { duty: number[]; onCall: number[] } {
  const duty = new Set<number>();
  const onCall = new Set<number>();
  for (const s of shifts) {
    const local = localParts(at, s.timeZone);
    if (local.weekday !== s.weekday || local.minute < s.startMinute || local.minute >= s.endMinute) continue;
    if (exceptions.some((e) => e.userId === s.userId && e.kind === 'off' && e.date === localParts(at, e.timeZone).date)) continue;
    (s.kind === 'duty' ? duty : onCall).add(s.userId);
  }
  for (const e of exceptions) {
    if (e.kind !== 'on' || e.startMinute === null || e.endMinute === null) continue;
    const local = localParts(at, e.timeZone);
    if (local.date === e.date && local.minute >= e.startMinute && local.minute < e.endMinute) duty.add(e.userId);
  }
  return { duty: [...duty].sort((a, b) => a - b), onCall: [...onCall].sort((a, b) => a - b).filter((u) => !duty.has(u)) };
}

export interface Gap { from: number; to: number; onCall: number[] }

const STEP_MS = 15 * 60_000;

/** Stretches of the next `days` days with nobody on duty (sampled every 15 minutes, shifts being set in minutes of a quarter hour), with who is on call then. */
export function coverageGaps(from: number, shifts: readonly Shift[], exceptions: readonly RotaException[], days = 7): Gap[] {
  const start = Math.floor(from / STEP_MS) * STEP_MS;
  const end = start + days * 86_400_000;
  const gaps: Gap[] = [];
  let open: Gap | null = null;
  for (let t = start; t < end; t += STEP_MS) {
    const on = whoIsOn(t, shifts, exceptions);
    if (on.duty.length === 0) {
      const key = on.onCall.join(',');
      if (open && open.onCall.join(',') === key) open.to = t + STEP_MS;
      else {
        if (open) gaps.push(open);
        open = { from: t, to: t + STEP_MS, onCall: on.onCall };
      }
    } else if (open) {
      gaps.push(open);
      open = null;
    }
  }
  if (open) gaps.push(open);
  return gaps;
}

/** "09:30" → 570; "24:00" allowed as an end. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 1440 ? minutes : null;
}

export const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

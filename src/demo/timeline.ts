// When things are said: 60 days ending at the world's "now", days counted in UTC from the
// first one, hours drawn from a French daily rhythm (morning, lunch and evening peaks) in
// Europe/Paris time, with its summer-time switch, and a weekly rhythm per storyline.
import { DAY, HOUR, MENTION_DAYS } from './model.ts';
import { aliasTable, type Random } from './random.ts';

/** Relative activity per local hour (0h–23h) on social networks in France. */
const HOURLY = [1.2, 0.7, 0.4, 0.25, 0.2, 0.3, 0.8, 2.0, 3.4, 3.8, 3.6, 3.6, 4.2, 4.0, 3.5, 3.3, 3.3, 3.5, 3.9, 4.2, 4.5, 4.4, 3.4, 2.2];
/** News is published earlier in the day. */
const HOURLY_NEWS = [0.4, 0.2, 0.1, 0.1, 0.2, 0.8, 2.5, 4.5, 5.0, 4.5, 4.0, 3.8, 3.6, 3.2, 3.2, 3.4, 3.4, 3.3, 3.2, 3.0, 2.6, 2.0, 1.2, 0.7];
const hourly = aliasTable(HOURLY);
const hourlyNews = aliasTable(HOURLY_NEWS);

/** Last Sunday of a month at 01:00 UTC: when EU summer time starts (March) or ends (October). */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Europe/Paris offset from UTC at `at`, in ms (CET +1 h, CEST +2 h). */
export function parisOffset(at: number): number {
  const year = new Date(at).getUTCFullYear();
  return at >= lastSundayAt1Utc(year, 2) && at < lastSundayAt1Utc(year, 9) ? 2 * HOUR : HOUR;
}

export class Timeline {
  readonly now: number;
  readonly start: number;
  readonly days = MENTION_DAYS;
  /** Paris offset at the start of each day (hot path: every mention asks). */
  private readonly offsets: number[];

  constructor(now: number) {
    this.now = now;
    this.start = now - MENTION_DAYS * DAY;
    this.offsets = Array.from({ length: MENTION_DAYS + 1 }, (_, d) => parisOffset(this.start + d * DAY));
  }

  dayStart(day: number): number {
    return this.start + day * DAY;
  }

  dayOf(at: number): number {
    return Math.floor((at - this.start) / DAY);
  }

  /** The UTC instant of a Paris wall-clock time on `day`. */
  localAt(day: number, hour: number, minute = 0): number {
    const guess = this.dayStart(day) + hour * HOUR + minute * 60_000;
    return guess - parisOffset(guess);
  }

  /** 0 = Sunday … 6 = Saturday, in Paris. */
  weekday(day: number): number {
    const noon = this.dayStart(day) + 12 * HOUR;
    return new Date(noon + parisOffset(noon)).getUTCDay();
  }

  /**
   * A moment in `day` following the daily rhythm. The local hour is placed on the UTC day, a
   * simplification that keeps every mention inside the day it was scheduled for.
   */
  momentIn(random: Random, day: number, news = false): number {
    const hour = (news ? hourlyNews : hourly).draw(random);
    const offset = (this.offsets[day] ?? parisOffset(this.dayStart(day))) / HOUR;
    const utcHour = (hour - offset + 24) % 24;
    const at = this.dayStart(day) + utcHour * HOUR + Math.floor(random.next() * HOUR);
    return Math.min(at, this.now - 1);
  }
}

/** Weekend factor: outdoor talk rises on weekends, news and work talk fall. */
export function weekFactor(weekday: number, kind: 'outdoor' | 'work' | 'flat'): number {
  const weekend = weekday === 0 || weekday === 6;
  if (kind === 'outdoor') return weekend ? 1.35 : 0.9;
  if (kind === 'work') return weekend ? 0.55 : 1.15;
  return 1;
}

/** Splits `total` over days in proportion to `weights`, with Poisson noise. */
export function dailyCounts(random: Random, total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => random.poisson((total * w) / sum));
}

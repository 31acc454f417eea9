// How many recycled posts a day an account can take without drowning its own voice. Revive Old
// Posts and Tweet Old Post post at a fixed interval whatever the account usually does; a brand
// that posts once a week and suddenly posts old articles daily looks automated. Rule: recycled
// posts stay around a third of the account's usual daily volume, at least 1 a day and at most 3:
// ≤ 5 posts a day → 1; 6–8 → 2; 9 or more → 3 (the issue's "1 a day when the account posts ≤ 1
// a day; 2–3 when it posts > 5"). Pure.

const DAY = 86_400_000;

/** Posts a day over the window, from the account's post times (epoch ms). */
export function usualPostsPerDay(postTimes: readonly number[], now: number, windowDays = 30): number {
  const from = now - windowDays * DAY;
  let n = 0;
  for (const at of postTimes) if (at >= from && at <= now) n++;
  return n / windowDays;
}

/** The most recycled posts a day for an account posting `perDay` posts a day. */
export function recycledPerDay(perDay: number): number {
  return Math.min(3, Math.max(1, Math.floor(perDay / 3)));
}

/** The shortest interval between recycling runs, in hours, for that pace and posts per run. */
export function minimumIntervalHours(perDay: number, postsPerRun: number): number {
  return (24 * postsPerRun) / recycledPerDay(perDay);
}

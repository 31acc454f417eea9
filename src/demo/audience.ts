// The `followers` column. For most accounts it is exactly their in-degree in the demo graph;
// accounts whose audience lives mostly outside the world we generate (the brand, competitors,
// media, organisations, ambassadors, the bad buzz's author and the top 1 % of people by
// attraction) get that in-degree plus an off-graph audience, so that "fan counts" look like
// the real thing (and look inflated next to graph reach, as seed 001 warns). `following`
// is always the out-degree.
import type { Cast } from './accounts.ts';
import type { DemoAccount } from './model.ts';
import type { Random } from './random.ts';

/** Audiences that do not depend on the world's size. */
const FIXED: Record<string, number> = { brandMain: 48_200, badBuzzAuthor: 86_400 };
const BRAND_OTHERS = [6_400, 3_900, 0];
const COMPETITORS = [124_000, 35_500, 18_300];

export function addOffGraphAudience(accounts: DemoAccount[], cast: Cast, random: Random): void {
  const attractions = Float64Array.from(accounts.filter((a) => a.kind === 'person').map((a) => a.attraction)).sort();
  const influencer = attractions[Math.floor(attractions.length * 0.99)] ?? Infinity;
  const set = (index: number, extra: number): void => {
    const a = accounts[index] as DemoAccount;
    a.followers = Math.max(a.followers, Math.round(extra));
  };
  set(cast.brandMain, FIXED.brandMain as number);
  cast.brand.slice(1).forEach((b, i) => set(b, BRAND_OTHERS[i] ?? 0));
  cast.competitors.forEach((c, i) => set(c, COMPETITORS[i] ?? 10_000));
  set(cast.badBuzzAuthor, FIXED.badBuzzAuthor as number);
  for (const a of cast.ambassadors.map((i) => accounts[i] as DemoAccount)) a.followers += Math.round(random.pareto(1_500, 1.3));
  for (const a of accounts) {
    if (a.affiliation) continue;
    if (a.kind === 'media') a.followers += Math.round(random.pareto(3_000, 0.9));
    else if (a.kind === 'organisation') a.followers += Math.round(random.pareto(200, 1.2));
    else if (a.attraction >= influencer) a.followers += Math.round(random.pareto(5_000, 1.2));
  }
  for (const a of accounts) a.followers = Math.min(a.followers, 3_000_000);
}

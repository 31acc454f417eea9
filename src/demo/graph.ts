// The follow graph. Not a random graph: the properties Map and Spread measure are built in.
// - communities: most ties stay inside one's community (and second community, for bridges);
// - hubs: whom to follow is drawn by "attraction" (Pareto), so in-degrees follow a power law
//   (preferential attachment in the manner of Barabási & Albert 1999, without the growth);
// - triadic closure: a quarter of each budget follows friends of friends (Holme & Kim 2002);
// - reciprocity: people follow back, hubs seldom do;
// - weak ties: a few draws go to any community, so bridges and brokers exist.
// Ties are stored once, sorted by (source, target), in typed arrays.
import type { Cast } from './accounts.ts';
import { COMMUNITIES, STAFF_COMMUNITY } from './data/communities.ts';
import { DAY, type DemoAccount, type DemoGraph } from './model.ts';
import { aliasTable, type AliasTable, type Random } from './random.ts';

export const GRAPH_DEFAULTS = {
  /** Share of a budget drawn inside one's communities, then triadic closure; the rest is global. */
  communityShare: 0.72,
  triadicShare: 0.22,
  /** Among community draws, the share that goes to the second (or a random other) community. */
  secondShare: 0.12,
  reciprocity: 0.3,
  hubReciprocity: 0.03,
  /** Out-degree spread (lognormal sigma). */
  sigma: 1.0,
};

interface Pools {
  byCommunity: Map<string, { members: Int32Array; table: AliasTable }>;
  global: AliasTable;
}

function pools(accounts: readonly DemoAccount[]): Pools {
  const lists = new Map<string, { members: number[]; weights: number[] }>();
  const join = (community: string, index: number, weight: number): void => {
    const list = lists.get(community) ?? { members: [], weights: [] };
    list.members.push(index);
    list.weights.push(weight);
    lists.set(community, list);
  };
  for (const a of accounts) {
    join(a.community, a.index, a.attraction);
    if (a.community2) join(a.community2, a.index, a.attraction * 0.5);
  }
  const byCommunity = new Map<string, { members: Int32Array; table: AliasTable }>();
  for (const [id, list] of lists) byCommunity.set(id, { members: Int32Array.from(list.members), table: aliasTable(list.weights) });
  return { byCommunity, global: aliasTable(accounts.map((a) => a.attraction)) };
}

function draw(pool: { members: Int32Array; table: AliasTable } | undefined, random: Random): number {
  return pool ? (pool.members[pool.table.draw(random)] as number) : -1;
}

/** Out-adjacency lists (CSR) over the ties so far, for triadic closure. */
function csr(n: number, source: number[], target: number[]): { offsets: Int32Array; targets: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (const s of source) offsets[s + 1] = (offsets[s + 1] as number) + 1;
  for (let i = 0; i < n; i += 1) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(source.length);
  for (let e = 0; e < source.length; e += 1) {
    const s = source[e] as number;
    targets[fill[s] as number] = target[e] as number;
    fill[s] = (fill[s] as number) + 1;
  }
  return { offsets, targets };
}

/** The ties the brand's circle has whatever the size: staff follow the brand and each other. */
function circleTies(accounts: readonly DemoAccount[], cast: Cast, random: Random, tie: (s: number, t: number) => void): void {
  const byTeam = new Map<string, number[]>();
  for (const e of cast.employees) {
    const team = accounts[e]?.team ?? '';
    byTeam.set(team, [...(byTeam.get(team) ?? []), e]);
  }
  for (const e of cast.employees) {
    if (random.chance(0.95)) tie(e, cast.brandMain);
    for (const other of cast.brand.slice(1)) if (random.chance(0.25)) tie(e, other);
    const team = byTeam.get(accounts[e]?.team ?? '') ?? [];
    for (const mate of random.sample(team, 6 + random.int(0, 8))) tie(e, mate);
    for (const other of random.sample(cast.employees, random.int(1, 6))) tie(e, other);
    if (random.chance(0.5)) for (const amb of random.sample(cast.ambassadors, random.int(1, 4))) tie(e, amb);
    if (random.chance(0.4)) tie(cast.brandMain, e);
  }
  for (const a of cast.ambassadors) {
    tie(a, cast.brandMain);
    tie(cast.brandMain, a);
    for (const other of random.sample(cast.ambassadors, 5)) tie(a, other);
    for (const e of random.sample(cast.employees, 8)) tie(a, e);
  }
  const outdoor = new Set(COMMUNITIES.filter((c) => c.outdoor).map((c) => c.id));
  const competitorP = [0.08, 0.06, 0.04];
  for (const a of accounts) {
    if (a.affiliation || !(outdoor.has(a.community) || (a.community2 && outdoor.has(a.community2)))) continue;
    if (random.chance(0.18)) tie(a.index, cast.brandMain);
    for (const other of cast.brand.slice(1)) if (random.chance(0.03)) tie(a.index, other);
    cast.competitors.forEach((c, i) => random.chance(competitorP[i] ?? 0.03) && tie(a.index, c));
    if (random.chance(0.12)) tie(a.index, cast.badBuzzAuthor);
  }
}

function budget(a: DemoAccount, random: Random, mean: number, n: number): number {
  if (a.kind === 'media') return random.int(2, 20);
  if (a.affiliation === 'brand' || a.affiliation === 'competitor') return random.int(10, 40);
  const scale = a.kind === 'organisation' ? 0.6 : 1;
  const mu = Math.log(mean * scale) - GRAPH_DEFAULTS.sigma ** 2 / 2;
  return Math.min(Math.max(1, Math.round(random.logNormal(mu, GRAPH_DEFAULTS.sigma))), Math.floor(n / 4), 3000);
}

export function generateGraph(accounts: DemoAccount[], cast: Cast, random: Random, ties: number, now: number): DemoGraph {
  const n = accounts.length;
  const d = GRAPH_DEFAULTS;
  const source: number[] = [];
  const target: number[] = [];
  const tie = (s: number, t: number): void => {
    if (s === t || s < 0 || t < 0) return;
    source.push(s);
    target.push(t);
  };
  circleTies(accounts, cast, random.fork('circle'), tie);
  const circle = source.length;
  // What is left of the target after the circle, before follow-backs and duplicates (≈ +7 % net).
  const mean = Math.max(1, (ties - circle) / n / 1.07);
  const { byCommunity, global } = pools(accounts);
  const communities = [...byCommunity.keys()].filter((c) => c !== STAFF_COMMUNITY);
  const budgets = accounts.map((a) => budget(a, random, mean, n));

  const r1 = random.fork('communities');
  for (const a of accounts) {
    const draws = Math.round((budgets[a.index] as number) * (d.communityShare + d.triadicShare * 0.15));
    for (let k = 0; k < draws; k += 1) {
      const r = r1.next();
      let pool;
      if (r < d.communityShare * (1 - d.secondShare)) pool = byCommunity.get(a.community);
      else if (r < d.communityShare) pool = byCommunity.get(a.community2 ?? (r1.pick(communities) as string));
      else pool = undefined;
      tie(a.index, pool ? draw(pool, r1) : global.draw(r1));
    }
  }

  const r2 = random.fork('triads');
  const adjacency = csr(n, source, target);
  for (const a of accounts) {
    const draws = Math.round((budgets[a.index] as number) * d.triadicShare * 0.85);
    const from = adjacency.offsets[a.index] as number;
    const to = adjacency.offsets[a.index + 1] as number;
    if (to === from) continue;
    for (let k = 0; k < draws; k += 1) {
      const friend = adjacency.targets[r2.int(from, to - 1)] as number;
      const f0 = adjacency.offsets[friend] as number;
      const f1 = adjacency.offsets[friend + 1] as number;
      if (f1 > f0) tie(a.index, adjacency.targets[r2.int(f0, f1 - 1)] as number);
    }
  }

  const r3 = random.fork('reciprocity');
  const hubLine = quantile(accounts.map((a) => a.attraction), 0.98);
  const made = source.length;
  for (let e = 0; e < made; e += 1) {
    const s = source[e] as number;
    const t = target[e] as number;
    const followed = accounts[t] as DemoAccount;
    const follower = accounts[s] as DemoAccount;
    const p = followed.attraction > hubLine || followed.kind === 'media' ? d.hubReciprocity : followed.community === follower.community ? d.reciprocity + 0.1 : d.reciprocity - 0.1;
    if (r3.chance(p)) tie(t, s);
  }
  return finish(accounts, source, target, random.fork('times'), now);
}

function quantile(values: number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** Dedupes (sort by source, target), dates each tie and fills followers/following. */
function finish(accounts: DemoAccount[], source: number[], target: number[], random: Random, now: number): DemoGraph {
  const n = accounts.length;
  const keys = new Float64Array(source.length);
  for (let e = 0; e < source.length; e += 1) keys[e] = (source[e] as number) * n + (target[e] as number);
  keys.sort();
  let size = 0;
  for (let e = 0; e < keys.length; e += 1) if (e === 0 || keys[e] !== keys[e - 1]) keys[size++] = keys[e] as number;
  const graph: DemoGraph = { size, source: new Int32Array(size), target: new Int32Array(size), at: new Float64Array(size) };
  const inDegree = new Int32Array(n);
  const outDegree = new Int32Array(n);
  for (let e = 0; e < size; e += 1) {
    const key = keys[e] as number;
    const s = Math.floor(key / n);
    const t = key - s * n;
    graph.source[e] = s;
    graph.target[e] = t;
    const since = Math.max((accounts[s] as DemoAccount).created_at, (accounts[t] as DemoAccount).created_at);
    graph.at[e] = Math.round(since + random.next() * (now - DAY - since));
    inDegree[t] = (inDegree[t] as number) + 1;
    outDegree[s] = (outDegree[s] as number) + 1;
  }
  for (const a of accounts) {
    a.following = outDegree[a.index] as number;
    a.followers = inDegree[a.index] as number;
  }
  return graph;
}

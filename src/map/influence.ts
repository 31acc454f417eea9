// Influence: "reach × trust" (seed 001: "le pouvoir de l'influence : mes amis avant des
// inconnus"; Armano, "Pillars of the new influence", HBR 2011: reach, trust, and what people do
// with a message). Three parts, each a percentile in [0, 1] among the workspace's accounts:
//   reach      audience (declared followers) plus the unique accounts within two hops upstream
//              (who sees it directly or through one relay: exact BFS, or HyperANF on large graphs)
//   resonance  engagement per post (likes, shares, replies) plus the interactions received
//   trust      0.7 · percentile of a trust-weighted PageRank (arcs weighted by tie strength,
//              restarting at the brand's and employees' accounts and their strong ties; Page et
//              al. 1999; Haveliwala, "Topic-sensitive PageRank", WWW 2002) + 0.3 · reciprocity
//              (the share of one's ties that go both ways)
// and one score, 100 · √(reach · trust) · (0.75 + 0.25 · resonance): the geometric mean makes an
// account without trust or without reach weigh little, whatever its other part; resonance adds
// up to a third. Fan quality: of an account's followers in the graph, the share inactive (no
// post, no interaction), suspicious (following ≫ followers, or created in a burst with no post:
// Cresci et al., "Fame for sale: efficient detection of fake Twitter followers", Decision
// Support Systems 80, 2015, use the same signals) and unreachable (no tie but this follow: no
// one else reaches them); quality = 1 − suspicious − unreachable − 0.5 · inactive (each follower
// counted once, under its worst flag), in [0, 1]. Pure.
import { buildGraph, kHopReach, approximateKHopReach, pagerank, type Graph } from '../graph/index.ts';
import type { EdgeRecord, Ties } from './tie-strength.ts';

/** Facts about each account (aligned with node indices). */
export interface AccountFacts {
  followers: Float64Array;
  following: Float64Array;
  createdAt: Float64Array;
  posts: Float64Array;
  /** Likes + shares + replies over its posts. */
  engagement: Float64Array;
  affiliation: ReadonlyArray<string | null>;
}

export interface InfluenceOptions {
  /** Above this many nodes, 2-hop reach is estimated by HyperANF instead of counted exactly. */
  exactReachLimit: number;
  /** following ≥ ratio · max(1, followers) and ≥ minFollowing: suspicious. */
  suspiciousRatio: number;
  minFollowing: number;
  /** At least this many accounts created within the same hour: a burst. */
  burstSize: number;
  /** Fewer followers in the graph than this: too few to judge fan quality (null). */
  minFans: number;
  /** Affiliations whose accounts (and their strong ties) seed trust. */
  trustSeeds: readonly string[];
}

export const DEFAULTS: InfluenceOptions = { exactReachLimit: 50_000, suspiciousRatio: 10, minFollowing: 200, burstSize: 10, minFans: 10, trustSeeds: ['brand', 'employee'] };

export interface FanQuality {
  /** Followers seen in the graph. */
  counted: Int32Array;
  inactive: Float64Array;
  suspicious: Float64Array;
  unreachable: Float64Array;
  /** NaN (as are the shares) when the account has fewer than `minFans` followers in the graph. */
  quality: Float64Array;
}

export interface Influence {
  reach: Float64Array;
  resonance: Float64Array;
  trust: Float64Array;
  score: Float64Array;
  reach2: Float64Array;
  /** Whether reach2 is exact, else its relative standard error. */
  reach2Error: number;
  pagerank: Float64Array;
  reciprocity: Float64Array;
  /** Interactions received (replies, quotes, reshares, mentions). */
  received: Float64Array;
  fans: FanQuality;
}

/** Percentile rank in [0, 1] of each value among all (ties share their mean rank); 0 stays 0. */
export function percentiles(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const p = n > 1 ? (i + j) / 2 / (n - 1) : 1;
    for (let k = i; k <= j; k++) out[order[k]!] = values[order[k]!]! > 0 ? p : 0;
    i = j + 1;
  }
  return out;
}

/** 100 · √(reach · trust) · (0.75 + 0.25 · resonance), parts in [0, 1]. */
export function influenceScore(reach: number, resonance: number, trust: number): number {
  return 100 * Math.sqrt(reach * trust) * (0.75 + 0.25 * resonance);
}

/** The follow arcs (follower → followed) as a directed graph. */
export function followGraph(n: number, records: readonly EdgeRecord[]): Graph {
  const follows = records.filter((r) => r.kind === 'follows' && r.u !== r.v);
  return buildGraph({ n, sources: follows.map((r) => r.u), targets: follows.map((r) => r.v), directed: true }, { dedupe: true, merge: 'first', dropSelfLoops: true });
}

/** Fan quality of every account (see the header). */
export function fanQuality(follows: Graph, ties: Ties, facts: AccountFacts, sent: Float64Array, options: Partial<InfluenceOptions> = {}): FanQuality {
  const { suspiciousRatio, minFollowing, burstSize, minFans } = { ...DEFAULTS, ...options };
  const n = follows.n;
  const hours = new Map<number, number>();
  for (let i = 0; i < n; i++) { const h = Math.floor(facts.createdAt[i]! / 3_600_000); hours.set(h, (hours.get(h) ?? 0) + 1); }
  // 0 fine, 1 inactive, 2 unreachable, 3 suspicious: a follower's worst flag.
  const flag = new Uint8Array(n);
  for (let w = 0; w < n; w++) {
    const silent = facts.posts[w]! === 0 && sent[w]! === 0;
    const burst = (hours.get(Math.floor(facts.createdAt[w]! / 3_600_000)) ?? 0) >= burstSize;
    const following = Math.max(facts.following[w]!, follows.offsets[w + 1]! - follows.offsets[w]!);
    if ((following >= minFollowing && following >= suspiciousRatio * Math.max(1, facts.followers[w]!)) || (silent && burst)) flag[w] = 3;
    else if (ties.pairs.offsets[w + 1]! - ties.pairs.offsets[w]! <= 1) flag[w] = 2;
    else if (silent) flag[w] = 1;
  }
  const counted = new Int32Array(n), inactive = new Float64Array(n), suspicious = new Float64Array(n), unreachable = new Float64Array(n), quality = new Float64Array(n);
  const inOffsets = follows.inOffsets!, inSources = follows.inSources!;
  for (let v = 0; v < n; v++) {
    const start = inOffsets[v]!, end = inOffsets[v + 1]!;
    const k = end - start;
    counted[v] = k;
    if (k === 0 || k < minFans) { quality[v] = inactive[v] = suspicious[v] = unreachable[v] = Number.NaN; continue; }
    let a = 0, s = 0, u = 0;
    for (let i = start; i < end; i++) {
      const f = flag[inSources[i]!]!;
      if (f === 3) s++; else if (f === 2) u++; else if (f === 1) a++;
    }
    inactive[v] = a / k; suspicious[v] = s / k; unreachable[v] = u / k;
    quality[v] = Math.max(0, 1 - s / k - u / k - 0.5 * (a / k));
  }
  return { counted, inactive, suspicious, unreachable, quality };
}

/** The trust seeds: accounts with a trusted affiliation and their strong ties. */
export function trustSeeds(ties: Ties, affiliation: ReadonlyArray<string | null>, seeds: readonly string[]): Float64Array {
  const n = ties.pairs.n;
  const p = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (!seeds.includes(affiliation[u] ?? '')) continue;
    p[u] = 1;
    for (let a = ties.pairs.offsets[u]!; a < ties.pairs.offsets[u + 1]!; a++) if (ties.strong[a]) p[ties.pairs.targets[a]!] = Math.max(p[ties.pairs.targets[a]!]!, 0.5);
  }
  return p;
}

/** Influence parts, score and fan quality of every node of `graph` (directed: u → v, u attends to v). */
export function influence(graph: Graph, records: readonly EdgeRecord[], ties: Ties, strengthOfArcs: Float64Array, facts: AccountFacts, options: Partial<InfluenceOptions> = {}): Influence {
  const opts = { ...DEFAULTS, ...options };
  const n = graph.n;
  // Reach: unique accounts within two hops upstream.
  let reach2: Float64Array, reach2Error = 0;
  if (n <= opts.exactReachLimit) reach2 = Float64Array.from(kHopReach(graph, 2, { mode: 'in' }));
  else {
    const approx = approximateKHopReach(graph, 2, { mode: 'in', precision: 8 });
    reach2 = approx.estimates;
    reach2Error = approx.relativeStandardError;
  }
  const inDegree = new Float64Array(n);
  for (let v = 0; v < n; v++) inDegree[v] = graph.inOffsets![v + 1]! - graph.inOffsets![v]!;
  const reachRaw = Float64Array.from({ length: n }, (_, v) => Math.max(facts.followers[v]!, inDegree[v]!) + Math.max(0, reach2[v]! - inDegree[v]!));

  // Resonance: engagement per post and interactions received.
  const received = new Float64Array(n), sent = new Float64Array(n);
  for (const r of records) if (r.kind !== 'follows' && r.kind !== 'link' && r.u !== r.v) { received[r.v]! += r.count; sent[r.u]! += r.count; }
  const resonanceRaw = Float64Array.from({ length: n }, (_, v) => (facts.posts[v]! > 0 ? (facts.engagement[v]! + received[v]!) / facts.posts[v]! : 0));

  // Trust: PageRank over tie strengths from the trusted seeds, and reciprocity.
  const weighted: Graph = { ...graph, weights: Float64Array.from(strengthOfArcs, (s) => Math.max(s, 1e-6)) };
  if (graph.inOffsets) Object.assign(weighted, { inWeights: inWeightsOf(graph, weighted.weights!) });
  const seeds = trustSeeds(ties, facts.affiliation, opts.trustSeeds);
  const hasSeeds = seeds.some((x) => x > 0);
  const pr = n === 0 ? new Float64Array(0) : pagerank(weighted, { personalization: hasSeeds ? seeds : undefined, tolerance: 1e-10 }).scores;
  const reciprocity = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const start = ties.pairs.offsets[u]!, end = ties.pairs.offsets[u + 1]!;
    let mutual = 0;
    for (let a = start; a < end; a++) mutual += ties.reciprocity[a]!;
    reciprocity[u] = end > start ? mutual / (end - start) : 0;
  }
  const reach = percentiles(reachRaw.map(Math.log1p));
  const resonance = percentiles(resonanceRaw);
  const prRank = percentiles(pr);
  const trust = Float64Array.from({ length: n }, (_, u) => 0.7 * prRank[u]! + 0.3 * reciprocity[u]!);
  const score = Float64Array.from({ length: n }, (_, u) => influenceScore(reach[u]!, resonance[u]!, trust[u]!));
  const fans = fanQuality(followGraph(n, records), ties, facts, sent, opts);
  return { reach, resonance, trust, score, reach2, reach2Error, pagerank: pr, reciprocity, received, fans };
}

/** The in-row weights matching `weights` (out-rows) of a directed graph. */
function inWeightsOf(graph: Graph, weights: Float64Array): Float64Array {
  const { n, offsets, targets } = graph;
  const inOffsets = graph.inOffsets!, inSources = graph.inSources!;
  const out = new Float64Array(inSources.length);
  const next = inOffsets.slice(0, n);
  // In-rows are sorted by source; visiting sources in order fills each in-row in order.
  for (let u = 0; u < n; u++) for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
    const v = targets[a]!;
    const i = next[v]!++;
    if (inSources[i] !== u) throw new Error('in-rows out of order');
    out[i] = weights[a]!;
  }
  return out;
}

/** The languages explanations are written in. */
export type ExplainLang = 'en' | 'fr';

/** Plain-language reasons for a score, from its parts and facts, in English or French. */
export function explainInfluence(p: { score: number; reach: number; resonance: number; trust: number; followers: number; reach2: number; posts: number; engagementPerPost: number; reciprocity: number; strongTies: number; seeded: boolean }, lang: ExplainLang = 'en'): string[] {
  const pct = (x: number) => `${Math.round(x * 100)}`;
  const fr = lang === 'fr';
  const top = (x: number) => (x >= 0.5 ? `${fr ? 'top' : 'top'} ${Math.max(1, Math.round((1 - x) * 100))} %` : `${fr ? 'derniers' : 'bottom'} ${Math.max(1, Math.round(x * 100))} %`);
  const fmt = (x: number) => Math.round(x).toLocaleString(fr ? 'fr-FR' : 'en');
  const dec = (x: number) => x.toFixed(1).replace('.', fr ? ',' : '.');
  const out = fr
    ? [
      `Influence ${Math.round(p.score)}/100 = 100 × √(portée ${pct(p.reach)} % × confiance ${pct(p.trust)} %) × (0,75 + 0,25 × résonance ${pct(p.resonance)} %).`,
      `Portée (${top(p.reach)}) : ${fmt(p.followers)} abonnés, ${fmt(p.reach2)} comptes à deux pas dans le graphe.`,
      p.posts > 0
        ? `Résonance (${top(p.resonance)}) : ${fmt(p.posts)} publications, ${dec(p.engagementPerPost)} réactions par publication (j'aime, partages, réponses et interactions reçues).`
        : 'Résonance : aucune publication vue, donc aucun engagement à mesurer.',
      `Confiance (${top(p.trust)}) : ${pct(p.reciprocity)} % de ses liens sont réciproques ; ${p.strongTies} liens forts ; son PageRank pondéré par la confiance part ${p.seeded ? 'de la marque, de ses salariés et de leurs liens forts' : 'de tous les comptes (aucun compte de marque dans ce graphe)'}.`,
    ]
    : [
      `Influence ${Math.round(p.score)}/100 = 100 × √(reach ${pct(p.reach)} % × trust ${pct(p.trust)} %) × (0.75 + 0.25 × resonance ${pct(p.resonance)} %).`,
      `Reach (${top(p.reach)}): ${fmt(p.followers)} followers, ${fmt(p.reach2)} accounts within two hops in the graph.`,
      p.posts > 0
        ? `Resonance (${top(p.resonance)}): ${fmt(p.posts)} posts, ${dec(p.engagementPerPost)} engagements per post (likes, shares, replies and interactions received).`
        : 'Resonance: no post seen, so no engagement to measure.',
      `Trust (${top(p.trust)}): ${pct(p.reciprocity)} % of its ties go both ways; ${p.strongTies} strong ties; its trust-weighted PageRank starts from ${p.seeded ? 'the brand, its employees and their strong ties' : 'every account (no brand account in this graph)'}.`,
    ];
  if (p.reach > 0.8 && p.trust < 0.3) out.push(fr ? 'Grande portée mais peu de confiance : un haut-parleur plus qu\'un relais d\'opinion.' : 'Wide reach but little trust: a loudspeaker more than a relay of opinion.');
  if (p.trust > 0.7 && p.reach < 0.4) out.push(fr ? 'Digne de confiance pour le cercle de la marque malgré une petite audience : un relais à solliciter.' : 'Trusted by the brand\'s circle despite a small audience: a relay worth asking.');
  return out;
}

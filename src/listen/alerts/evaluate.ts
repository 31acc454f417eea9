// When does a rule fire? Pure: the figures a rule needs (hourly counts, negative mentions,
// query matches — data.ts reads them) and a period in, the firings out, each with the figures
// behind it and the reason in words. `applyCooldown` then keeps one alert per ongoing buzz.
import { authorInfluence } from './influence.ts';
import { HOUR_MS, hourStart, type Firing, type KeywordParams, type NegativeSurgeParams, type Rule, type SpikeParams, type InfluencerNegativeParams } from './model.ts';
import { hourlySpikes } from './spike-detector.ts';

/** What data.ts reads for a rule: hourly series begin at `start` (on the hour). */
export interface RuleData {
  start: number;
  /** spike: mentions per hour, and when the workspace's first mention was published. */
  volume?: number[];
  dataStart?: number | null;
  /** negative_surge: mentions with a sentiment, and negative ones, per hour. */
  labelled?: number[];
  negative?: number[];
  /** influencer_negative: negative mentions in the period with their author… */
  negatives?: Array<{ id: number; at: number; authorId: number; handle: string; followers: number }>;
  /** …and every mention of those authors over the lookback before, with its sentiment. */
  authorHistory?: Array<{ authorId: number; at: number; negative: boolean }>;
  /** keyword: mentions matching the rule's query, from `start`. */
  matches?: Array<{ id: number; at: number }>;
}

/** How much history a rule needs before the first hour it judges, in ms. */
export function historyNeeded(rule: Rule): number {
  switch (rule.kind) {
    case 'spike':
      return 35 * 24 * HOUR_MS; // five weeks: four same-weekday points and the week's fallback
    case 'negative_surge': {
      const p = rule.params as NegativeSurgeParams;
      return (p.windowHours + p.baselineDays * 24) * HOUR_MS;
    }
    case 'keyword':
      return (rule.params as KeywordParams).windowHours * HOUR_MS;
    case 'influencer_negative':
      return (rule.params as InfluencerNegativeParams).lookbackDays * 24 * HOUR_MS;
  }
}

/** 2026-11-02 17:41 UTC: a time to the minute, in UTC. */
export function utcHour(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const percent = (x: number) => `${Math.round(x * 100)} %`;

/** The hours judged: every hour that begins in [from, to) (the last may be under way). */
function judgedHours(start: number, length: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const at = start + i * HOUR_MS;
    if (at >= hourStart(from) && at < to) out.push(i);
  }
  return out;
}

function spikeFirings(p: SpikeParams, data: RuleData, from: number, to: number): Firing[] {
  const volume = data.volume ?? [];
  const figures = hourlySpikes(volume, data.start, { minCount: p.minCount, minZ: p.minZ, dataStart: data.dataStart });
  const out: Firing[] = [];
  for (const i of judgedHours(data.start, volume.length, from, to)) {
    const f = figures[i]!;
    if (f.baseline === null || f.factor === null || f.z === null) continue;
    if (f.count < p.minCount || f.z < p.minZ || f.factor < p.minFactor) continue;
    const at = data.start + i * HOUR_MS;
    out.push({
      subject: '',
      windowStart: at,
      windowEnd: at + HOUR_MS,
      severity: f.factor >= 3 * p.minFactor ? 'critical' : 'warning',
      figures: { count: f.count, baseline: round(f.baseline), factor: round(f.factor), z: round(f.z) },
      explanation:
        `${f.count} mentions in the hour from ${utcHour(at)}: ×${round(f.factor)} a usual hour ` +
        `(${round(f.baseline)}, expected from the hours before it: a robust baseline with a daily rhythm), ` +
        `robust z-score ${round(f.z)} (thresholds: ×${p.minFactor}, ${p.minCount} mentions, z ${p.minZ}).`,
      mentionIds: [],
    });
  }
  return out;
}

function sum(values: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) s += values[i]!;
  return s;
}

/** Below this many labelled mentions the baseline share says nothing. */
const MIN_BASELINE_LABELLED = 20;

function negativeSurgeFirings(p: NegativeSurgeParams, data: RuleData, from: number, to: number): Firing[] {
  const labelled = data.labelled ?? [];
  const negative = data.negative ?? [];
  const out: Firing[] = [];
  const baseHours = p.baselineDays * 24;
  for (const i of judgedHours(data.start, labelled.length, from, to)) {
    const first = i - p.windowHours + 1;
    if (first - baseHours < 0) continue;
    const n = sum(negative, first, i + 1);
    const t = sum(labelled, first, i + 1);
    if (n < p.minNegative || t === 0) continue;
    const n0 = sum(negative, first - baseHours, first);
    const t0 = sum(labelled, first - baseHours, first);
    if (t0 < MIN_BASELINE_LABELLED) continue;
    const share = n / t;
    // Laplace's rule of succession: a baseline without a negative mention is not a zero share.
    const share0 = (n0 + 1) / (t0 + 2);
    const ratio = share / share0;
    if (share < p.minShare || ratio < p.minRatio) continue;
    const windowStart = data.start + first * HOUR_MS;
    const windowEnd = data.start + (i + 1) * HOUR_MS;
    out.push({
      subject: '',
      windowStart,
      windowEnd,
      severity: share >= 0.5 && ratio >= 2 * p.minRatio ? 'critical' : 'warning',
      figures: { negative: n, labelled: t, share: round(share, 3), baselineNegative: n0, baselineLabelled: t0, baselineShare: round(share0, 3), ratio: round(ratio) },
      explanation:
        `${percent(share)} of the ${t} mentions with a sentiment from ${utcHour(windowStart)} to ${utcHour(windowEnd)} are negative (${n}), ` +
        `×${round(ratio)} the ${percent(share0)} of the previous ${p.baselineDays} days ` +
        `(thresholds: ${percent(p.minShare)}, ×${p.minRatio}, ${p.minNegative} negative mentions).`,
      mentionIds: [],
    });
  }
  return out;
}

/** The author's earlier mentions were mostly not negative: negative share below this. */
const TURNING_SHARE = 0.5;

function influencerFirings(p: InfluencerNegativeParams, data: RuleData, from: number, to: number): Firing[] {
  const history = new Map<number, Array<{ at: number; negative: boolean }>>();
  for (const h of data.authorHistory ?? []) (history.get(h.authorId) ?? history.set(h.authorId, []).get(h.authorId)!).push(h);
  const out: Firing[] = [];
  const seen = new Set<string>();
  for (const m of [...(data.negatives ?? [])].sort((a, b) => a.at - b.at)) {
    if (m.at < from || m.at >= to) continue;
    const influence = authorInfluence({ followers: m.followers });
    if (influence < p.minFollowers) continue;
    const prior = (history.get(m.authorId) ?? []).filter((h) => h.at < m.at && h.at >= m.at - p.lookbackDays * 24 * HOUR_MS);
    const priorNegative = prior.filter((h) => h.negative).length;
    // Not "turning" when the author was already mostly negative: that is their usual tone.
    if (prior.length > 0 && priorNegative / prior.length >= TURNING_SHARE) continue;
    const at = hourStart(m.at);
    const key = `${m.authorId}@${at}`;
    if (seen.has(key)) continue; // one firing per author and hour: the first mention speaks for the rest
    seen.add(key);
    out.push({
      subject: `author:${m.authorId}`,
      windowStart: at,
      windowEnd: at + HOUR_MS,
      severity: influence >= 4 * p.minFollowers ? 'critical' : 'warning',
      figures: { authorId: m.authorId, handle: m.handle, followers: m.followers, mentionId: m.id, publishedAt: m.at, priorMentions: prior.length, priorNegative },
      explanation:
        `@${m.handle} (${m.followers.toLocaleString('en-GB')} followers, threshold ${p.minFollowers.toLocaleString('en-GB')}) posted a negative mention at ${utcHour(m.at)}; ` +
        (prior.length === 0 ? `no earlier mention in the previous ${p.lookbackDays} days.` : `${priorNegative} of their ${prior.length} mentions of the previous ${p.lookbackDays} days were negative.`),
      mentionIds: [m.id],
    });
  }
  return out;
}

/**
 * A sliding window: at each matching mention, how many matches fell in the `windowHours`
 * before it (itself included). The rule fires in the hour in which that count first reaches
 * `minCount` — the same answer whether judged live or later, and a burst across an hour's
 * boundary is not cut in two.
 */
function keywordFirings(p: KeywordParams, data: RuleData, from: number, to: number): Firing[] {
  const matches = [...(data.matches ?? [])].sort((a, b) => a.at - b.at || a.id - b.id);
  const span = p.windowHours * HOUR_MS;
  const byHour = new Map<number, { count: number; first: number; last: number }>();
  let first = 0;
  for (let j = 0; j < matches.length; j++) {
    const m = matches[j]!;
    while (matches[first]!.at <= m.at - span) first += 1;
    const count = j - first + 1;
    if (count < p.minCount || m.at < hourStart(from) || m.at >= to) continue;
    const hour = hourStart(m.at);
    const best = byHour.get(hour);
    if (!best || count > best.count) byHour.set(hour, { count, first, last: j });
  }
  return [...byHour.entries()].map(([hour, { count, first: i, last: j }]) => {
    const window = matches.slice(i, j + 1);
    return {
      subject: '',
      windowStart: hour,
      windowEnd: hour + HOUR_MS,
      severity: count >= 5 * p.minCount ? 'critical' : 'warning',
      figures: { matches: count, query: p.query, firstAt: window[0]!.at, lastAt: window[window.length - 1]!.at },
      explanation: `${count} mentions matching ${p.query} within ${p.windowHours} h, from ${utcHour(window[0]!.at)} to ${utcHour(window[window.length - 1]!.at)} (threshold: ${p.minCount} in ${p.windowHours} h).`,
      mentionIds: window.slice(-20).map((m) => m.id),
    } satisfies Firing;
  });
}

/** Every window in which the rule's condition holds, over the hours that begin in [from, to). */
export function evaluateRule(rule: Rule, data: RuleData, from: number, to: number): Firing[] {
  switch (rule.kind) {
    case 'spike':
      return spikeFirings(rule.params as SpikeParams, data, from, to);
    case 'negative_surge':
      return negativeSurgeFirings(rule.params as NegativeSurgeParams, data, from, to);
    case 'influencer_negative':
      return influencerFirings(rule.params as InfluencerNegativeParams, data, from, to);
    case 'keyword':
      return keywordFirings(rule.params as KeywordParams, data, from, to);
  }
}

/**
 * One alert per ongoing buzz: a firing is kept only when the same subject's condition did not
 * hold (fired, or would have but was held back) within the cooldown before it. Deterministic,
 * so two workers judging the same data keep the same windows (and the database's once-only
 * key merges them). `previous` are the window starts of alerts already recorded, by subject.
 */
export function applyCooldown(firings: readonly Firing[], cooldownMs: number, previous: ReadonlyMap<string, readonly number[]> = new Map()): Firing[] {
  const sorted = [...firings].sort((a, b) => a.windowStart - b.windowStart);
  const last = new Map<string, number>();
  const kept: Firing[] = [];
  for (const f of sorted) {
    const recorded = (previous.get(f.subject) ?? []).filter((at) => at <= f.windowStart);
    const before = Math.max(last.get(f.subject) ?? -Infinity, ...recorded);
    if (recorded.includes(f.windowStart) || f.windowStart - before >= cooldownMs) kept.push(f);
    // Once recorded, a window is the one that was: it stays "kept" on every later evaluation.
    last.set(f.subject, f.windowStart);
  }
  return kept;
}

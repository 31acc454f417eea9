// The pure core of alerts: each kind's condition with its figures and words, the cooldown that
// keeps one alert per ongoing buzz, quiet hours, and the signature a receiver checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCooldown, evaluateRule, type RuleData } from '../../../src/listen/alerts/evaluate.ts';
import { HOUR_MS, RULE_DEFAULTS, type Firing, type Rule, type RuleKind, type RuleParamsByKind } from '../../../src/listen/alerts/model.ts';
import { deliveryTime, inQuietHours } from '../../../src/listen/alerts/quiet-hours.ts';
import { hourlySpikes } from '../../../src/listen/alerts/spike-detector.ts';
import { signBody, verifySignature } from '../../../src/listen/alerts/webhook.ts';

const DAY = 24 * HOUR_MS;
const START = Date.UTC(2026, 9, 1); // a Thursday, 00:00 UTC

function rule<K extends RuleKind>(kind: K, params: Partial<RuleParamsByKind[K]> = {}, cooldownMinutes = RULE_DEFAULTS[kind].cooldownMinutes): Rule<K> {
  return { id: 1, workspaceId: 1, name: kind, kind, topicId: null, params: { ...RULE_DEFAULTS[kind].params, ...params }, cooldownMinutes, quietHours: null, enabled: true, webhookUrl: null, webhookAllowPrivate: false, webhookSecret: 's', createdAt: 0, updatedAt: 0 };
}

/** 42 days of a daily rhythm (2 mentions an hour by day, 0 by night) with a burst added. */
function rhythm(days: number, burst: Record<number, number> = {}): number[] {
  return Array.from({ length: days * 24 }, (_, i) => ((i % 24) >= 8 && (i % 24) < 22 ? 2 + (i % 3 === 0 ? 1 : 0) : 0) + (burst[i] ?? 0));
}

test('a spike is the hour far above what the hours before it let expect, with its figures in words', () => {
  const burstAt = 40 * 24 + 19; // day 40, 19:00
  const volume = rhythm(42, { [burstAt]: 60, [burstAt + 1]: 40 });
  const firings = evaluateRule(rule('spike'), { start: START, volume }, START, START + 42 * DAY);
  assert.equal(firings.length, 2, 'the burst hour and the next');
  assert.equal(firings[0]!.windowStart, START + burstAt * HOUR_MS);
  assert.equal(firings[0]!.figures.count, 62);
  assert.equal(firings[0]!.figures.baseline, 2);
  assert.equal(firings[0]!.figures.factor, 31);
  assert.equal(firings[0]!.severity, 'critical');
  assert.match(firings[0]!.explanation, /^62 mentions in the hour from 2026-11-10 19:00 UTC: ×31 a usual hour \(2, expected from the hours before it/);
  // The cooldown keeps one alert for the buzz.
  assert.equal(applyCooldown(firings, 12 * 60 * 60_000).length, 1);
});

test('the spike detector does not judge hours before the data starts nor in its first week', () => {
  const volume = [...new Array<number>(10 * 24).fill(0), ...rhythm(20)];
  const figures = hourlySpikes(volume, START, { minCount: 20, minZ: 3.5, dataStart: START + 10 * DAY + 8 * HOUR_MS });
  assert.ok(figures.slice(0, 17 * 24).every((f) => f.baseline === null));
  assert.ok(figures.slice(18 * 24).every((f) => f.baseline !== null));
  assert.deepEqual(evaluateRule(rule('spike'), { start: START, volume, dataStart: START + 10 * DAY }, START, START + 30 * DAY), []);
});

test('a negative surge compares the window share with the days before and needs a minimum count', () => {
  const n = 12 * 24;
  const labelled = new Array<number>(n).fill(10);
  const negative = new Array<number>(n).fill(1);
  for (let i = 10 * 24 + 12; i < 10 * 24 + 18; i++) negative[i] = 6; // 60 % for six hours, from 10 %
  const firings = evaluateRule(rule('negative_surge'), { start: START, labelled, negative }, START + 10 * DAY, START + 12 * DAY);
  assert.ok(firings.length >= 1);
  const first = firings[0]!;
  assert.equal(first.windowEnd, START + 10 * DAY + 15 * HOUR_MS, 'fires as soon as the window holds 20 negative mentions at 30 % or more');
  assert.equal(first.figures.negative, 21);
  assert.match(first.explanation, /of the 60 mentions with a sentiment .* are negative \(21\), ×\d+(\.\d)? the 10 % of the previous 7 days/);
  // Too few negative mentions: nothing, whatever the share.
  assert.deepEqual(evaluateRule(rule('negative_surge', { minNegative: 100 }), { start: START, labelled, negative }, START + 10 * DAY, START + 12 * DAY), []);
});

test('an influential author turning negative fires once per author and hour; a usually negative one does not', () => {
  const at = START + 5 * DAY + 17 * HOUR_MS + 40 * 60_000;
  const data: RuleData = {
    start: START,
    negatives: [
      { id: 10, at, authorId: 7, handle: 'guide', followers: 86_400 },
      { id: 11, at: at + 5 * 60_000, authorId: 7, handle: 'guide', followers: 86_400 },
      { id: 12, at, authorId: 8, handle: 'small', followers: 900 },
      { id: 13, at, authorId: 9, handle: 'grumpy', followers: 500_000 },
    ],
    authorHistory: [
      { authorId: 7, at: at - DAY, negative: false },
      { authorId: 9, at: at - DAY, negative: true },
      { authorId: 9, at: at - 2 * DAY, negative: true },
    ],
  };
  const firings = evaluateRule(rule('influencer_negative'), data, START, START + 7 * DAY);
  assert.deepEqual(firings.map((f) => [f.subject, f.mentionIds]), [['author:7', [10]]]);
  assert.match(firings[0]!.explanation, /^@guide \(86,400 followers, threshold 50,000\) posted a negative mention .*; 0 of their 1 mentions of the previous 30 days were negative\.$/);
});

test('a keyword rule counts matches in a sliding window, and fires in the hour the count is reached', () => {
  const base = START + 3 * DAY + 9 * HOUR_MS;
  const matches = [0, 10, 20, 200].map((m, i) => ({ id: i + 1, at: base + m * 60_000 }));
  const firings = evaluateRule(rule('keyword', { minCount: 3 }), { start: START, matches }, START, START + 4 * DAY);
  assert.deepEqual(firings.map((f) => [f.windowStart, f.mentionIds, f.figures.matches]), [[base, [1, 2, 3], 3]]);
  assert.match(firings[0]!.explanation, /^3 mentions matching boycott OR boycotter OR arnaque OR scam within 1 h, from 2026-10-04 09:00 UTC to 2026-10-04 09:20 UTC/);
  // A burst across the hour's boundary is one burst: it fires in the hour it reaches the count,
  // live (the hour under way) as later.
  const across = [58, 59, 61].map((m, i) => ({ id: i + 1, at: base + m * 60_000 }));
  const live = evaluateRule(rule('keyword', { minCount: 3 }), { start: START, matches: across }, base, base + 62 * 60_000);
  const later = evaluateRule(rule('keyword', { minCount: 3 }), { start: START, matches: across }, START, START + 4 * DAY);
  assert.deepEqual(live.map((f) => f.windowStart), [base + HOUR_MS]);
  assert.deepEqual(later, live);
});

test('the cooldown holds an ongoing buzz as one alert, and lets a new one through after a quiet gap', () => {
  const f = (hour: number, subject = ''): Firing => ({ subject, windowStart: START + hour * HOUR_MS, windowEnd: START + (hour + 1) * HOUR_MS, severity: 'warning', figures: {}, explanation: '', mentionIds: [] });
  const cooldown = 6 * HOUR_MS;
  const ongoing = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((h) => f(h));
  assert.deepEqual(applyCooldown(ongoing, cooldown).map((x) => x.windowStart), [START], 'eleven hours in a row: one alert');
  assert.deepEqual(applyCooldown([f(0), f(3), f(20)], cooldown).map((x) => (x.windowStart - START) / HOUR_MS), [0, 20]);
  assert.deepEqual(applyCooldown([f(0, 'author:1'), f(1, 'author:2')], cooldown).length, 2, 'each author has its own cooldown');
  // With an alert already recorded, the same window stays kept (the database merges it) and the next is held.
  const recorded = new Map([['', [START + 2 * HOUR_MS]]]);
  assert.deepEqual(applyCooldown([f(2), f(3)], cooldown, recorded).map((x) => (x.windowStart - START) / HOUR_MS), [2]);
});

test('quiet hours hold webhooks until they end, across midnight and in the rule’s time zone', () => {
  const quiet = { from: 22, to: 7, timeZone: 'Europe/Paris' };
  const at = Date.UTC(2026, 10, 22, 23, 30); // 00:30 in Paris (UTC+1)
  assert.equal(inQuietHours(quiet, at), true);
  assert.equal(deliveryTime(quiet, at), Date.UTC(2026, 10, 23, 6), '07:00 in Paris');
  assert.equal(inQuietHours(quiet, Date.UTC(2026, 10, 22, 12)), false);
  assert.equal(deliveryTime(null, at), at, 'off by default');
});

test('the webhook signature covers the raw body and its timestamp', () => {
  const body = JSON.stringify({ type: 'alert.fired', sentAt: 1_795_000_000 });
  const signature = signBody('secret', body);
  assert.match(signature, /^sha256=[0-9a-f]{64}$/);
  assert.equal(verifySignature('secret', body, signature, '1795000000', 1_795_000_100), true);
  assert.equal(verifySignature('other', body, signature, '1795000000', 1_795_000_100), false);
  assert.equal(verifySignature('secret', body, signature, '1795000050', 1_795_000_100), false, 'a header that is not the signed timestamp');
  assert.equal(verifySignature('secret', body, signature, '1795000000', 1_795_001_000), false, 'too old: a replay');
});

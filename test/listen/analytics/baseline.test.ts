import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dailyBaseline, peakOf } from '../../../src/listen/analytics/baseline.ts';
import { buzzBySource } from '../../../src/listen/analytics/buzz.ts';
import { toSeries } from '../../../src/listen/analytics/volume.ts';

test('a spike over a flat series: its factor and a burst; the usual days are not bursts', () => {
  const counts = [...Array(35).fill(10), 500, 40, 12];
  const figures = dailyBaseline(counts);
  assert.equal(figures[35]!.baseline, 10);
  assert.equal(figures[35]!.factor, 50);
  assert.equal(figures[35]!.burst, true);
  assert.ok(figures.slice(7, 35).every((f) => !f.burst));
  assert.deepEqual(peakOf(figures), { day: 35, count: 500, factor: 50 });
});

test('the baseline follows the weekly rhythm: a quiet Sunday is usual, a busy Sunday is not', () => {
  const week = [20, 22, 21, 19, 20, 6, 5];
  const counts = [...week, ...week, ...week, ...week, ...week.slice(0, 6), 30];
  const figures = dailyBaseline(counts);
  assert.equal(figures[27]!.baseline, 5, 'Sundays compared with Sundays');
  assert.equal(figures[27]!.burst, false);
  assert.equal(figures[34]!.baseline, 5);
  assert.equal(figures[34]!.factor, 6);
  assert.equal(figures[34]!.burst, true);
});

test('no history: no baseline, no factor; a tiny baseline is floored', () => {
  assert.deepEqual(dailyBaseline([3])[0], { count: 3, baseline: null, factor: null, z: null, burst: false });
  const figures = dailyBaseline([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
  assert.equal(figures[14]!.factor, 4, 'divided by the floor of 1, not by 0');
  assert.equal(figures[14]!.burst, false, 'under the minimum count');
});

test('buzz per source type: totals, peaks and factors over the window only, "all" first', () => {
  const day = 86_400_000;
  const rows = [
    ...Array.from({ length: 40 }, (_, i) => ({ at: i * day, sourceType: 'news', count: i === 35 ? 300 : 3 })),
    ...Array.from({ length: 40 }, (_, i) => ({ at: i * day, sourceType: 'blog', count: 2 })),
  ];
  const buzz = buzzBySource(toSeries(rows, 0, 40 * day, 'day'), 28);
  assert.deepEqual(buzz.map((b) => b.sourceType), ['all', 'news', 'blog']);
  const news = buzz.find((b) => b.sourceType === 'news')!;
  assert.equal(news.total, 11 * 3 + 300);
  assert.equal(news.peak?.factor, 100);
  assert.deepEqual(news.burstDays, [35 * day]);
  assert.equal(buzz.find((b) => b.sourceType === 'blog')!.burstDays.length, 0);
});

// The demo world's bursts scored with NAB's method: the generator knows when the scandal, the
// launch and the bad buzz start; spikes.ts, run on the hourly counts as Listen runs it, finds
// each of them within hours and raises few false alarms. Seeds 6 and 7 (1–5 were looked at
// while writing the detector).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSeries } from '../../../bench/spikes-demo.ts';
import { PROFILES, scoreCorpus } from '../../../src/listen/analytics/nab/score.ts';
import { DEFAULTS, detectSpikes, HOURLY_COUNTS } from '../../../src/listen/analytics/spikes.ts';

test('demo bursts, hourly: every event flagged within 8 hours of its start, NAB standard score ≥ 80', () => {
  const series = demoSeries([6, 7]);
  const scores = series.map((s) => Float64Array.from(detectSpikes(s.values, HOURLY_COUNTS), (p) => p.score));
  const result = scoreCorpus(series, scores, PROFILES.standard, { threshold: DEFAULTS.threshold });
  for (const [i, f] of result.files.entries()) {
    for (const [w, at] of f.detectedAt.entries()) {
      assert.ok(at !== null, `${f.name}: event ${w} missed`);
      const delay = at - series[i]!.events[w]!;
      assert.ok(delay >= 0 && delay <= 8, `${f.name}: event ${w} flagged ${delay} hours after its start`);
    }
  }
  assert.ok(result.normalised >= 80, `normalised standard score ${result.normalised.toFixed(1)}`);
  assert.ok(result.counts.fp <= 6, `${result.counts.fp} false alarms`);
});

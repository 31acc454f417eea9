// Accuracy on NAB's labelled series in ../shared/data/events/nab (or $RELAIS_SHARED_DATA):
// the scorer reproduces NAB's published per-file results of its windowed Gaussian, and
// spikes.ts's normalised standard score beats the published S-H-ESD figure (47.1). Skipped
// loudly on a clone without the data; a failure under CI=true, where the data must be there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { loadNab, NAB_DIR, nabAvailable } from '../../../bench/nab-corpus.ts';
import { dailySeason, splitHalves } from '../../../bench/spikes-tune.ts';
import { PROFILES, scoreCorpus, scoreFile } from '../../../src/listen/analytics/nab/score.ts';
import { windowedGaussian } from '../../../src/listen/analytics/nab/windowed-gaussian.ts';
import { detectSpikes } from '../../../src/listen/analytics/spikes.ts';

const RESULTS = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'events', 'nab-results');

function corpus(t: TestContext): ReturnType<typeof loadNab> | undefined {
  if (nabAvailable()) return loadNab();
  const why = `${NAB_DIR} is absent`;
  if (process.env.CI === 'true') assert.fail(`${why}; CI=true requires the shared data`);
  process.stderr.write(`\n*** SKIPPED: ${why} — spike detection accuracy on NAB NOT checked ***\n\n`);
  t.skip(why);
  return undefined;
}

test('NAB: the scorer gives NAB\'s published windowed-Gaussian result for every file present', (t) => {
  const files = corpus(t);
  if (!files) return;
  const rows = fs.readFileSync(path.join(RESULTS, 'windowedGaussian_standard_scores.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  assert.ok(files.length >= 48, `${files.length} files`);
  for (const f of files) {
    const row = rows.find((r) => r[2] === f.name);
    assert.ok(row, `${f.name} has a published result`);
    const s = scoreFile(f, windowedGaussian(f.values).map((x) => Number(x.toPrecision(12))), Number(row[3]), PROFILES.standard);
    assert.ok(Math.abs(s.score - Number(row[4])) < 1e-9, `${f.name}: ${s.score}, published ${row[4]}`);
    assert.deepEqual([s.tp, s.tn, s.fp, s.fn], [Number(row[5]), Number(row[6]), Number(row[7]), Number(row[8])], f.name);
  }
});

test('NAB: spikes.ts beats the published S-H-ESD score (47.1), on all files and on the half it was not tuned on', (t) => {
  const files = corpus(t);
  if (!files) return;
  const score = (subset: typeof files): number =>
    scoreCorpus(
      subset,
      subset.map((f) => Float64Array.from(detectSpikes(f.values, { direction: 'both', counts: false, season: dailySeason(f.stepMs) }), (p) => p.score)),
      PROFILES.standard,
    ).normalised;
  const all = score(files);
  const heldOut = score(splitHalves(files).heldOut);
  t.diagnostic(`standard profile: all ${all.toFixed(2)}, held-out half ${heldOut.toFixed(2)}`);
  assert.ok(all > 47.1, `all files: ${all.toFixed(2)}`);
  assert.ok(heldOut > 47.1, `held-out half: ${heldOut.toFixed(2)}`);
  // Measured 51.41 and 49.46 when written (48 files): a drop is a regression.
  if (files.length === 48) {
    assert.ok(Math.abs(all - 51.41) < 0.05, `all files: ${all.toFixed(2)}, measured 51.41`);
    assert.ok(Math.abs(heldOut - 49.46) < 0.05, `held-out half: ${heldOut.toFixed(2)}, measured 49.46`);
  }
});

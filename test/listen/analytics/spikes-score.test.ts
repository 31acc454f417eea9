// NAB's scoring reproduced (src/listen/analytics/nab/score.ts): the figures NAB's own tests and
// documentation give, and NAB's published per-file results of its windowed Gaussian on the two
// committed series (test/fixtures/events). Always runs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadNab } from '../../../bench/nab-corpus.ts';
import { normalise, optimiseThreshold, PROFILES, probationLength, scaledSigmoid, scoreCorpus, scoreFile, scoresByThreshold, type LabelledFile } from '../../../src/listen/analytics/nab/score.ts';
import { windowedGaussian } from '../../../src/listen/analytics/nab/windowed-gaussian.ts';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'events');
const standard = PROFILES.standard;
const close = (actual: number, expected: number, tolerance: number, what: string): void => assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);

test('the scaled sigmoid has the values NAB documents', () => {
  close(scaledSigmoid(-1), 0.98661, 1e-5, 'σ(−1)');
  close(scaledSigmoid(-0.5), 0.84828, 1e-5, 'σ(−0.5)');
  close(scaledSigmoid(0), 0, 1e-12, 'σ(0)');
  close(scaledSigmoid(1), -0.98661, 1e-5, 'σ(1)');
  assert.equal(scaledSigmoid(3), -1);
  assert.equal(probationLength(4032), 604);
  assert.equal(probationLength(22695), 750, 'at most 15 % of 5,000 rows');
});

const file: LabelledFile = { name: 'synthetic', length: 1000, windows: [[400, 409], [700, 719]] };
const zeros = () => new Float64Array(file.length);

test('null detector 0, perfect detector 100, and what NAB\'s unit tests assert', () => {
  const none = scoreFile(file, zeros(), 0.5, standard);
  assert.equal(none.score, -2, 'two false negatives');
  assert.deepEqual([none.tp, none.fp, none.fn, none.tn], [0, 0, 30, 1000 - 150 - 30]);
  const perfect = zeros();
  perfect[400] = 1;
  perfect[700] = 1;
  const best = scoreCorpus([file], [perfect], standard);
  close(best.normalised, 100, 1e-9, 'perfect detector');
  assert.equal(scoreCorpus([file], [zeros()], standard).normalised, 0, 'null detector');
  // A detection at the window's end is worth about nothing; one before any window costs fpWeight.
  const late = zeros();
  late[409] = 1;
  late[200] = 1;
  const lateScore = scoreFile(file, late, 0.5, standard);
  close(lateScore.score, scaledSigmoid(-1 / 10) / scaledSigmoid(-1) - 0.11 - 1, 1e-12, 'late TP + early FP + FN');
  // A false positive right after a window costs little; far after it, the full fpWeight.
  const after = zeros();
  after[410] = 1;
  after[900] = 1;
  const afterScore = scoreFile(file, after, 0.5, standard);
  close(afterScore.score, -2 + 0.11 * scaledSigmoid(1 / 9) + 0.11 * scaledSigmoid(181 / 19), 1e-12, 'two FPs after windows');
  // Detections in the probationary period do not count.
  const early = zeros();
  early[10] = 1;
  assert.equal(scoreFile(file, early, 0.5, standard).score, -2);
});

test('the threshold sweep gives, at each threshold, the score of scoring at that threshold', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const files: LabelledFile[] = [file, { name: 'other', length: 600, windows: [[300, 329]] }];
  const scores = files.map((f) => Float64Array.from({ length: f.length }, () => Math.round(random() * 50) / 50));
  const sweep = scoresByThreshold(files, scores, standard);
  assert.equal(sweep[0]!.threshold, 1.1);
  for (const row of sweep.slice(1)) {
    const direct = files.reduce((s, f, i) => s + scoreFile(f, scores[i]!, row.threshold, standard).score, 0);
    close(row.score, direct, 1e-9, `threshold ${row.threshold}`);
  }
  const best = optimiseThreshold(files, scores, standard);
  assert.equal(best.score, Math.max(...sweep.map((r) => r.score)));
  assert.deepEqual(normalise(best.score, files, standard).perfect, 3);
});

test('NAB\'s windowed Gaussian on the committed series scores what NAB published, file by file', () => {
  const files = loadNab(path.join(FIXTURES, 'nab'));
  assert.equal(files.length, 2);
  const rows = fs.readFileSync(path.join(FIXTURES, 'nab-results', 'windowedGaussian_standard_scores.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  for (const f of files) {
    const row = rows.find((r) => r[2] === f.name)!;
    // NAB's results files hold Python 2's 12-digit floats, so "1.0" is any score ≥ 1 − 5e-13.
    const scores = windowedGaussian(f.values).map((x) => Number(x.toPrecision(12)));
    const s = scoreFile(f, scores, Number(row[3]), standard);
    close(s.score, Number(row[4]), 1e-9, `${f.name} score`);
    assert.deepEqual([s.tp, s.tn, s.fp, s.fn], [Number(row[5]), Number(row[6]), Number(row[7]), Number(row[8])], `${f.name} counts`);
  }
});

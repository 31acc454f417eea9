// How spikes.ts's defaults were chosen, kept so that the choice can be checked: a grid over a
// few parameters, scored with NAB's standard profile on the TUNING half of NAB's labelled
// series only (every other file in name order); bench/spikes.ts then reports on all of them
// and on the held-out half. Run: `node bench/spikes-tune.ts` (needs ../shared/data/events).
import { loadNab, type NabSeries } from './nab-corpus.ts';
import { PROFILES, scoreCorpus } from '../src/listen/analytics/nab/score.ts';
import { detectSpikes, type SpikeOptions } from '../src/listen/analytics/spikes.ts';

export function splitHalves(files: NabSeries[]): { tuning: NabSeries[]; heldOut: NabSeries[] } {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { tuning: sorted.filter((_, i) => i % 2 === 0), heldOut: sorted.filter((_, i) => i % 2 === 1) };
}

/** Points per day of a series sampled every `stepMs` (the season NAB's series may have). */
export function dailySeason(stepMs: number): number {
  return stepMs > 0 && stepMs <= 3_600_000 ? Math.round(86_400_000 / stepMs) : 0;
}

export function nabOptions(file: NabSeries, options: Partial<SpikeOptions>, seasonal: boolean): Partial<SpikeOptions> {
  return { direction: 'both', counts: false, ...options, season: seasonal ? dailySeason(file.stepMs) : 0 };
}

export function scoreOn(files: NabSeries[], options: Partial<SpikeOptions>, seasonal: boolean): number {
  const scores = files.map((f) => Float64Array.from(detectSpikes(f.values, nabOptions(f, options, seasonal)), (p) => p.score));
  return scoreCorpus(files, scores, PROFILES.standard).normalised;
}

if (import.meta.main) {
  const { tuning } = splitHalves(loadNab());
  const grid: Array<[Partial<SpikeOptions>, boolean]> = [];
  const arg = process.argv[2] ? (JSON.parse(process.argv[2]) as Record<string, unknown[]>) : {};
  const keys = Object.keys(arg);
  const combos = keys.reduce<Array<Record<string, unknown>>>((acc, k) => acc.flatMap((c) => arg[k]!.map((v) => ({ ...c, [k]: v }))), [{}]);
  for (const c of combos) {
    const { seasonal, ...rest } = c as Partial<SpikeOptions> & { seasonal?: boolean };
    grid.push([rest, seasonal ?? false]);
  }
  const results = grid.map(([o, seasonal]) => ({ o, seasonal, score: scoreOn(tuning, o, seasonal) })).sort((a, b) => b.score - a.score);
  for (const r of results.slice(0, 15)) console.log(r.score.toFixed(2), JSON.stringify(r.o), r.seasonal ? 'seasonal' : '');
}

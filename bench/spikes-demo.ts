// The demo world's bursts as labelled series, for NAB-style scoring: the generator knows when
// its events start (src/demo/world.ts `events`), so each series comes with its truth. Two
// series per seed, counted from the generator's storylines (what a topic on them would count):
// the scandal (one burst: the arrest) and the brand (two: the launch, then the bad buzz).
// Windows follow NAB's labelling convention — 10 % of the series' length shared between its
// events, centred on each event's start — so that they are scored the same way as NAB's.
import { DAY, HOUR, MENTION_DAYS } from '../src/demo/model.ts';
import { generateWorld } from '../src/demo/world.ts';
import type { LabelledFile } from '../src/listen/analytics/nab/score.ts';

export interface DemoSeries extends LabelledFile {
  values: number[];
  /** The same mentions per hour (for daily series: what Listen's hourly detection reads). */
  hourly: number[];
  /** Row of each event's start (the truth; the windows are centred on them). */
  events: number[];
  bucketMs: number;
}

/** NAB's window convention around labelled points: width 10 % of the rows ÷ the number of events. */
export function windowsAround(length: number, events: readonly number[]): Array<[number, number]> {
  const half = Math.floor((0.1 * length) / events.length / 2);
  return events.map((e) => [Math.max(0, e - half), Math.min(length - 1, e + half)]);
}

export function demoSeries(seeds: readonly number[], bucketMs: number = HOUR): DemoSeries[] {
  const out: DemoSeries[] = [];
  for (const seed of seeds) {
    const world = generateWorld({ seed, size: 'small' });
    const start = world.now - MENTION_DAYS * DAY;
    const length = Math.round((MENTION_DAYS * DAY) / bucketMs);
    const count = (storylines: readonly string[], bucket: number): number[] => {
      const values = new Array<number>(Math.round((MENTION_DAYS * DAY) / bucket)).fill(0);
      for (const m of world.mentions) {
        if (!storylines.includes(m.storyline)) continue;
        const i = Math.floor((m.published_at - start) / bucket);
        if (i >= 0 && i < values.length) values[i]! += 1;
      }
      return values;
    };
    const rowOf = (at: number): number => Math.floor((at - start) / bucketMs);
    const series = (name: string, storylines: string[], at: number[]): DemoSeries => {
      const events = at.map(rowOf);
      return { name: `seed ${seed} ${name}`, length, values: count(storylines, bucketMs), hourly: count(storylines, HOUR), events, windows: windowsAround(length, events), bucketMs };
    };
    out.push(series('scandal', ['scandal'], [world.events.scandal.start]));
    out.push(series('brand', ['brand', 'launch', 'badbuzz'], [world.events.launch.at, world.events.badBuzz.at]));
  }
  return out;
}

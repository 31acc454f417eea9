// Reads the Numenta Anomaly Benchmark's labelled series from ../shared/data/events/nab (or
// $RELAIS_SHARED_DATA/events/nab): each `timestamp,value` CSV with its anomaly windows from
// combined_windows.json turned into row indices, as NAB's labeler does (rows whose timestamp
// lies within [start, end]).
import fs from 'node:fs';
import path from 'node:path';
import type { LabelledFile } from '../src/listen/analytics/nab/score.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SHARED_DATA = process.env.RELAIS_SHARED_DATA ?? path.resolve(ROOT, '..', 'shared', 'data');
export const NAB_DIR = path.join(SHARED_DATA, 'events', 'nab');

export interface NabSeries extends LabelledFile {
  /** Epoch ms (the timestamps are naive; read as UTC). */
  at: Float64Array;
  values: Float64Array;
  /** Median spacing between rows, in ms. */
  stepMs: number;
}

/** "2014-04-10 07:15:00.000000" or "2014-04-10 07:15:00" as epoch ms, UTC. */
function parseTime(text: string, where: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text.trim());
  if (!m) throw new Error(`${where}: unreadable timestamp "${text}"`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export function parseNabCsv(name: string, csv: string, windows: ReadonlyArray<readonly [string, string]>): NabSeries {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!/^timestamp,value$/.test(lines[0]!.trim())) throw new Error(`${name}: expected a "timestamp,value" header`);
  const n = lines.length - 1;
  const at = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [t, v] = lines[i + 1]!.split(',');
    at[i] = parseTime(t!, `${name} line ${i + 2}`);
    values[i] = Number(v);
    if (!Number.isFinite(values[i])) throw new Error(`${name} line ${i + 2}: value "${v}" is not a number`);
  }
  const rows = windows.map(([start, end]): [number, number] => {
    const from = parseTime(start, `${name} window`);
    const to = parseTime(end, `${name} window`);
    let first = -1;
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (at[i]! >= from && at[i]! <= to) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) throw new Error(`${name}: window ${start} – ${end} holds no row`);
    return [first, last];
  });
  const gaps = Array.from({ length: Math.min(n - 1, 1000) }, (_, i) => at[i + 1]! - at[i]!).sort((a, b) => a - b);
  return { name, length: n, windows: rows, at, values, stepMs: gaps[gaps.length >> 1] ?? 0 };
}

export function nabAvailable(): boolean {
  return fs.existsSync(path.join(NAB_DIR, 'combined_windows.json'));
}

/** Every labelled series present, in the order of combined_windows.json. */
export function loadNab(dir = NAB_DIR): NabSeries[] {
  const labels = JSON.parse(fs.readFileSync(path.join(dir, 'combined_windows.json'), 'utf8')) as Record<string, Array<[string, string]>>;
  return Object.entries(labels)
    .filter(([name]) => fs.existsSync(path.join(dir, name)))
    .map(([name, windows]) => parseNabCsv(name, fs.readFileSync(path.join(dir, name), 'utf8'), windows));
}

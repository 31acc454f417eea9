// Positional matching over a WordIndex: phrases, "a b"~n and NEAR/ONEAR. An occurrence is a
// span of word positions [start, end]; NEAR joins two non-overlapping spans with at most n other
// words between them, and yields the span covering both so that NEARs can nest.
import type { WordIndex } from './prepare.ts';

export interface Span {
  start: number;
  end: number;
}

const NONE: readonly number[] = [];

/** Start positions below `limit` where the words follow one another. */
export function phraseStarts(index: WordIndex, phrase: readonly string[], limit: number): number[] {
  const out: number[] = [];
  const first = phrase[0];
  if (first === undefined) return out;
  const k = phrase.length;
  for (const p of index.positions.get(first) ?? NONE) {
    if (p + k > limit) break;
    let ok = true;
    for (let i = 1; i < k && ok; i++) ok = index.words[p + i] === phrase[i];
    if (ok) out.push(p);
  }
  return out;
}

/** True when the words follow one another somewhere below `limit`. */
export function hasPhrase(index: WordIndex, phrase: readonly string[], limit: number): boolean {
  const first = phrase[0];
  if (first === undefined) return false;
  const positions = index.positions.get(first);
  if (!positions) return false;
  if (phrase.length === 1) return (positions[0] as number) < limit;
  const k = phrase.length;
  for (const p of positions) {
    if (p + k > limit) return false;
    let i = 1;
    while (i < k && index.words[p + i] === phrase[i]) i++;
    if (i === k) return true;
  }
  return false;
}

/**
 * The minimal windows below `limit` holding every word of the phrase (repeated words as often as
 * they are repeated) with at most `distance` other words inside: "a b"~n. Minimal windows are the
 * occurrences, so "a x b b" gives [0, 2] once, not [0, 3] as well.
 */
export function proximitySpans(index: WordIndex, words: readonly string[], distance: number, limit: number): Span[] {
  const need = new Map<string, number>();
  for (const w of words) need.set(w, (need.get(w) ?? 0) + 1);
  const hits: number[] = [];
  for (const w of need.keys()) {
    const positions = index.positions.get(w);
    if (!positions) return [];
    for (const p of positions) if (p < limit) hits.push(p);
  }
  hits.sort((a, b) => a - b);
  const have = new Map<string, number>();
  let missing = words.length;
  const out: Span[] = [];
  let lo = 0;
  for (let hi = 0; hi < hits.length; hi++) {
    const w = index.words[hits[hi] as number] as string;
    const n = (have.get(w) ?? 0) + 1;
    have.set(w, n);
    if (n <= (need.get(w) as number)) missing--;
    while (missing === 0) {
      const start = hits[lo] as number;
      const end = hits[hi] as number;
      const sw = index.words[start] as string;
      const m = have.get(sw) as number;
      // The window is minimal when dropping its first word would lose a needed one.
      if (m === need.get(sw)) {
        if (end - start + 1 - words.length <= distance) out.push({ start, end });
        missing++;
      }
      have.set(sw, m - 1);
      lo++;
    }
  }
  return out;
}

/** Spans of single positions below `limit`. */
export function wordSpans(positions: readonly number[] | undefined, limit: number): Span[] {
  const out: Span[] = [];
  for (const p of positions ?? NONE) {
    if (p >= limit) break;
    out.push({ start: p, end: p });
  }
  return out;
}

/**
 * Pairs of a left and a right span with at most `distance` words between them and no overlap;
 * `ordered` keeps only the left-then-right ones (ONEAR). Each pair gives the span covering both.
 */
export function nearSpans(left: readonly Span[], right: readonly Span[], distance: number, ordered: boolean, firstOnly = false): Span[] {
  const out: Span[] = [];
  if (left.length === 0 || right.length === 0) return out;
  const byStart = [...right].sort((a, b) => a.start - b.start);
  const byEnd = ordered ? [] : [...right].sort((a, b) => a.end - b.end);
  for (const l of left) {
    // Right after left: starts in (l.end, l.end + 1 + distance].
    for (let i = lowerBound(byStart, l.end + 1, startOf); i < byStart.length; i++) {
      const r = byStart[i] as Span;
      if (r.start > l.end + 1 + distance) break;
      out.push({ start: l.start, end: Math.max(l.end, r.end) });
      if (firstOnly) return out;
    }
    if (ordered) continue;
    // Right before left: ends in [l.start - 1 - distance, l.start).
    for (let i = lowerBound(byEnd, l.start - 1 - distance, endOf); i < byEnd.length; i++) {
      const r = byEnd[i] as Span;
      if (r.end >= l.start) break;
      out.push({ start: Math.min(l.start, r.start), end: l.end });
      if (firstOnly) return out;
    }
  }
  return out;
}

const startOf = (s: Span): number => s.start;
const endOf = (s: Span): number => s.end;

function lowerBound(spans: readonly Span[], value: number, key: (s: Span) => number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(spans[mid] as Span) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

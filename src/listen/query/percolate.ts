// Percolation: many stored topics matched against each arriving mention. Each topic is filed
// under its required keys (required-keys.ts); a mention looks up its own keys — distinct words,
// their first letters, hashtags, handles, field values — and runs only the topics found, plus
// the few that no key can rule out (pure NOT, url: only). The work per mention follows the
// mention's size and the number of plausible topics, not the number of topics stored.
//
// Which key a topic is filed under matters: "cimes joue" may be filed under "cimes" or "joue",
// and if the stream is about Cimes the first lets nearly every mention through. So the
// percolator measures, on a sample of the mentions it sees, how often each key any topic could
// be filed under occurs, and re-files the topics under their rarest keys as the counts grow
// (at 256, 512, 1,024… sampled mentions). Any choice is sound — only the work changes — so
// matches never depend on it. This is the term-extraction idea of Elasticsearch's percolator
// ("query extraction": each query indexed by the terms a document must have) and of
// boolean-expression indexing (Whang et al., "Indexing Boolean Expressions", VLDB 2009),
// with the key of each conjunction chosen by measured selectivity as a query planner does.
import type { QueryNode } from './ast.ts';
import { KEYWORD_FIELDS } from './fields.ts';
import { compileQuery, type Matcher } from './match.ts';
import { isPrepared, type MatchDocument, prepareDocument, type PreparedDocument } from './prepare.ts';
import { candidateKeys, type IndexFamily, type IndexKey, keyId, PREFIX_LENGTH, requiredKeys } from './required-keys.ts';

/** Counters a caller may pass to match() to see what percolation costs. */
export interface PercolateStats {
  documents: number;
  /** Matchers run (topics found through the index, plus the always-checked ones). */
  evaluated: number;
  matched: number;
}

export interface Percolator<Id> {
  /** Files a topic; adding an id again replaces its query. */
  add(id: Id, ast: QueryNode): void;
  /** Forgets a topic; false when it was not there. */
  remove(id: Id): boolean;
  /** The topics the mention matches, in the order they were added. */
  match(doc: PreparedDocument | MatchDocument, stats?: PercolateStats): Id[];
  readonly size: number;
  /** Topics checked on every mention because no key can rule them out. */
  readonly alwaysChecked: number;
}

interface Entry<Id> {
  id: Id;
  seq: number;
  ast: QueryNode;
  matcher: Matcher;
  /** The last mention this entry was a candidate for, so each runs once per mention. */
  stamp: number;
  keys: IndexKey[] | null;
  /** The keys it could be filed under, counted while it is here. */
  watched: Counter[];
}

/** How often a key occurs in the sampled mentions; shared by the topics that could use it. */
interface Counter {
  key: IndexKey;
  seen: number;
  /** Topics that could be filed under it. */
  users: number;
}

export const PERCOLATE_DEFAULTS = {
  /** One mention in this many is counted (a power of two). */
  sampleEvery: 4,
  /** Topics are first re-filed after this many sampled mentions, then at each doubling. */
  firstReplan: 256,
};

/** An empty percolator, e.g. `p.add(7, parseQuery('#CimesAlpha OR @cimes')); p.match(prepareDocument(m))` → [7]. */
export function createPercolator<Id = string>(options: Partial<typeof PERCOLATE_DEFAULTS> = {}): Percolator<Id> {
  const { sampleEvery, firstReplan } = { ...PERCOLATE_DEFAULTS, ...options };
  const entries = new Map<Id, Entry<Id>>();
  const index = new Map<IndexFamily, Map<string, Set<Entry<Id>>>>();
  const always = new Set<Entry<Id>>();
  // How many keys of each prefix length are filed, so a mention only cuts the lengths in use.
  const prefixLengths = new Array<number>(PREFIX_LENGTH + 1).fill(0);
  // The counted keys, by family then value, and the prefix lengths among them.
  const counters = new Map<IndexFamily, Map<string, Counter>>();
  const countedPrefixLengths = new Array<number>(PREFIX_LENGTH + 1).fill(0);
  let sampled = 0;
  let nextReplan = firstReplan;
  let seq = 0;
  let generation = 0;

  const frequency = (k: IndexKey): number | undefined => {
    if (sampled < firstReplan) return undefined;
    const c = counters.get(k.family)?.get(k.value);
    // A small prior keeps unseen keys apart from each other by their form.
    return c ? (c.seen + 0.1) / (sampled + 1) : undefined;
  };

  function watch(entry: Entry<Id>): void {
    for (const key of candidateKeys(entry.ast)) {
      let family = counters.get(key.family);
      if (!family) counters.set(key.family, (family = new Map()));
      let counter = family.get(key.value);
      if (!counter) {
        family.set(key.value, (counter = { key, seen: 0, users: 0 }));
        if (key.family === 'prefix') countedPrefixLengths[key.value.length] = (countedPrefixLengths[key.value.length] as number) + 1;
      }
      counter.users++;
      entry.watched.push(counter);
    }
  }

  function unwatch(entry: Entry<Id>): void {
    for (const counter of entry.watched) {
      if (--counter.users > 0) continue;
      counters.get(counter.key.family)?.delete(counter.key.value);
      if (counter.key.family === 'prefix') countedPrefixLengths[counter.key.value.length] = (countedPrefixLengths[counter.key.value.length] as number) - 1;
    }
    entry.watched = [];
  }

  function count(d: PreparedDocument): void {
    sampled++;
    const bump = (family: IndexFamily, values: Iterable<string>): void => {
      const map = counters.get(family);
      if (map) for (const v of values) { const c = map.get(v); if (c) c.seen++; }
    };
    bump('word', d.body.positions.keys());
    const prefixes = counters.get('prefix');
    if (prefixes) {
      // A prefix counts once per mention, however many of its words start with it.
      const seen = new Set<Counter>();
      for (const w of d.body.positions.keys()) {
        for (let k = 1; k <= PREFIX_LENGTH && k <= w.length; k++) {
          if (!countedPrefixLengths[k]) continue;
          const c = prefixes.get(w.slice(0, k));
          if (c && !seen.has(c)) (seen.add(c), c.seen++);
        }
      }
    }
    bump('hashtag', d.hashtags);
    bump('mention', d.mentions);
    bump('handle', d.handles);
    bump('authorWord', d.author.positions.keys());
    for (const field of KEYWORD_FIELDS) bump(field, d.keywords[field]);
  }

  // Re-files each topic under its cheapest keys by the counts so far.
  function replan(): void {
    for (const entry of entries.values()) {
      const keys = requiredKeys(entry.ast, frequency);
      if (sameKeys(keys, entry.keys)) continue;
      for (const k of entry.keys ?? []) file(entry, k, false);
      entry.keys = keys;
      if (keys) always.delete(entry);
      else always.add(entry);
      for (const k of keys ?? []) file(entry, k, true);
    }
  }

  function file(entry: Entry<Id>, key: IndexKey, add: boolean): void {
    let family = index.get(key.family);
    if (!family) index.set(key.family, (family = new Map()));
    let bucket = family.get(key.value);
    if (!bucket) family.set(key.value, (bucket = new Set()));
    if (add) bucket.add(entry);
    else bucket.delete(entry);
    if (key.family === 'prefix') prefixLengths[key.value.length] = (prefixLengths[key.value.length] as number) + (add ? 1 : -1);
    if (bucket.size === 0) family.delete(key.value);
    if (family.size === 0) index.delete(key.family);
  }

  function remove(id: Id): boolean {
    const entry = entries.get(id);
    if (!entry) return false;
    entries.delete(id);
    if (!entry.keys) always.delete(entry);
    for (const k of entry.keys ?? []) file(entry, k, false);
    unwatch(entry);
    return true;
  }

  return {
    add(id, ast) {
      remove(id);
      const entry: Entry<Id> = { id, seq: seq++, ast, matcher: compileQuery(ast), stamp: -1, keys: null, watched: [] };
      watch(entry);
      entry.keys = requiredKeys(ast, frequency);
      entries.set(id, entry);
      if (!entry.keys) always.add(entry);
      for (const k of entry.keys ?? []) file(entry, k, true);
    },
    remove,
    match(input, stats) {
      const d = isPrepared(input) ? input : prepareDocument(input);
      const stamp = ++generation;
      if ((stamp & (sampleEvery - 1)) === 0) {
        count(d);
        if (sampled >= nextReplan) {
          nextReplan *= 2;
          replan();
        }
      }
      const candidates: Entry<Id>[] = [...always];
      const take = (bucket: Set<Entry<Id>> | undefined): void => {
        if (!bucket) return;
        for (const e of bucket) {
          if (e.stamp === stamp) continue;
          e.stamp = stamp;
          candidates.push(e);
        }
      };
      const visit = (family: IndexFamily, values: Iterable<string>): void => {
        const map = index.get(family);
        if (map) for (const v of values) take(map.get(v));
      };
      visit('word', d.body.positions.keys());
      const prefixMap = index.get('prefix');
      if (prefixMap) {
        for (const w of d.body.positions.keys()) {
          for (let k = 1; k <= PREFIX_LENGTH && k <= w.length; k++) if (prefixLengths[k]) take(prefixMap.get(w.slice(0, k)));
        }
      }
      visit('hashtag', d.hashtags);
      visit('mention', d.mentions);
      visit('handle', d.handles);
      visit('authorWord', d.author.positions.keys());
      for (const field of KEYWORD_FIELDS) visit(field, d.keywords[field]);

      const hits: Entry<Id>[] = [];
      for (const e of candidates) if (e.matcher(d)) hits.push(e);
      if (stats) {
        stats.documents++;
        stats.evaluated += candidates.length;
        stats.matched += hits.length;
      }
      return hits.sort((a, b) => a.seq - b.seq).map((e) => e.id);
    },
    get size() {
      return entries.size;
    },
    get alwaysChecked() {
      return always.size;
    },
  };
}

function sameKeys(a: IndexKey[] | null, b: IndexKey[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  const ids = new Set(b.map(keyId));
  return a.every((k) => ids.has(keyId(k)));
}

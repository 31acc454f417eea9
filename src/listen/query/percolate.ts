// Percolation: many stored topics matched against each arriving mention. Each topic is filed
// under its required keys (required-keys.ts); a mention looks up its own keys — distinct words,
// their first letters, hashtags, handles, field values — and runs only the topics found, plus
// the few that no key can rule out (pure NOT, url: only). The work per mention follows the
// mention's size and the number of plausible topics, not the number of topics stored.
import type { QueryNode } from './ast.ts';
import { KEYWORD_FIELDS } from './fields.ts';
import { compileQuery, type Matcher } from './match.ts';
import { isPrepared, type MatchDocument, prepareDocument, type PreparedDocument } from './prepare.ts';
import { type IndexFamily, type IndexKey, PREFIX_LENGTH, requiredKeys } from './required-keys.ts';

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
  matcher: Matcher;
  /** The last mention this entry was a candidate for, so each runs once per mention. */
  stamp: number;
  keys: IndexKey[] | null;
}

/** An empty percolator, e.g. `p.add(7, parseQuery('#CimesAlpha OR @cimes')); p.match(prepareDocument(m))` → [7]. */
export function createPercolator<Id = string>(): Percolator<Id> {
  const entries = new Map<Id, Entry<Id>>();
  const index = new Map<IndexFamily, Map<string, Set<Entry<Id>>>>();
  const always = new Set<Entry<Id>>();
  // How many keys of each prefix length are filed, so a mention only cuts the lengths in use.
  const prefixLengths = new Array<number>(PREFIX_LENGTH + 1).fill(0);
  let seq = 0;
  let generation = 0;

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
    return true;
  }

  return {
    add(id, ast) {
      remove(id);
      const entry: Entry<Id> = { id, seq: seq++, matcher: compileQuery(ast), stamp: -1, keys: requiredKeys(ast) };
      entries.set(id, entry);
      if (!entry.keys) always.add(entry);
      for (const k of entry.keys ?? []) file(entry, k, true);
    },
    remove,
    match(input, stats) {
      const d = isPrepared(input) ? input : prepareDocument(input);
      const stamp = ++generation;
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

// Skills for "who can help me with X": what an account says it knows (its bio), what it talks
// about (hashtags and words of its posts) and what a user wrote down for it (tags). Text is
// folded (accents and case, as Listen's queries: "Comptabilité" meets "comptabilite"), split
// into words, stripped of French and English stop words, and each word is reduced both by the
// Snowball French stemmer (Porter, "Snowball: a language for stemming algorithms", 2001, as
// shipped by nlp.js) and by a light English suffix stripper (plurals, -ing, -ed, -er: the first
// steps of Porter, "An algorithm for suffix stripping", Program 14(3), 1980), so "traductions"
// meets "traduction" and "climbers" meets "climbing". Pure.
import { StemmerFr } from '@nlpjs/lang-fr';

/** Accent- and case-folded words (letters and digits), as Listen folds its queries. */
function foldedWords(text: string): string[] {
  // Plain ASCII needs no decomposition (most posts): lower-case and split.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const STOP = new Set(
  ('a au aux avec ce ces cette dans de des du elle en et est il ils je la le les leur lui ma mais me mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu un une vos votre vous y ' +
    'aussi bien chez comme fait faire plus tres tout toute tous toujours jamais ici la-bas depuis entre sans sous vers ' +
    'the of and or to in on for with at by from as is are was be been it its this that these those an my our your his her their we you they i me not no but so if into about ' +
    'j l d c s n m t qu rt via amp https http www com fr org net').split(' '),
);

const stemmerFr = new StemmerFr();
const frCache = new Map<string, string>();

function stemFr(word: string): string {
  let s = frCache.get(word);
  if (s === undefined) {
    s = stemmerFr.stemWord(word);
    if (frCache.size < 200_000) frCache.set(word, s);
  }
  return s;
}

/** Porter's step 1 (plurals, -ed, -ing) and a trailing -er/-ers, keeping at least 3 letters. */
export function stemEn(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed', 'er']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix) && /[aeiouy]/.test(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1); // running → run
      break;
    }
  }
  return w;
}

/** The words of a text that can name a skill, folded, stop words and 1-letter words dropped. */
export function skillWords(text: string): string[] {
  return foldedWords(text).filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
}

/** The forms a word is indexed and matched under: its French and English stems. */
export function wordKeys(word: string): string[] {
  const fr = stemFr(word), en = stemEn(word);
  return fr === en ? [fr] : [fr, en];
}

/** A skill query (or a tag) as its words, each with its keys. */
export interface SkillQuery { text: string; words: Array<{ word: string; keys: string[] }> }

export function parseSkillQuery(text: string): SkillQuery {
  return { text, words: skillWords(text).map((word) => ({ word, keys: wordKeys(word) })) };
}

/** Where a skill was found, strongest evidence first. */
export type SkillSource = 'tag' | 'bio' | 'hashtag' | 'posts';

/** How much each source counts towards a match. */
export const SOURCE_WEIGHT: Record<SkillSource, number> = { tag: 1, bio: 1, hashtag: 0.8, posts: 0.6 };

/** An account's skill evidence, indexed by word key. */
export interface SkillProfile {
  /** key → the best source that has it and the word as found there. */
  keys: Map<string, { source: SkillSource; word: string }>;
  /** The folded text of bio and tags, for phrase matches. */
  phrases: { bio: string; tags: string[] };
}

/** Builds an account's profile from its bio, its user-edited tags and its post terms (hashtags marked with #). */
export function skillProfile(bio: string | null, tags: readonly string[], postTerms: readonly string[]): SkillProfile {
  const keys = new Map<string, { source: SkillSource; word: string }>();
  const put = (source: SkillSource, word: string): void => {
    for (const key of wordKeys(word)) {
      const prev = keys.get(key);
      if (!prev || SOURCE_WEIGHT[prev.source] < SOURCE_WEIGHT[source]) keys.set(key, { source, word });
    }
  };
  for (const term of postTerms) {
    const hashtag = term.startsWith('#');
    for (const w of skillWords(hashtag ? term.slice(1) : term)) put(hashtag ? 'hashtag' : 'posts', w);
  }
  for (const w of skillWords(bio ?? '')) put('bio', w);
  for (const tag of tags) for (const w of skillWords(tag)) put('tag', w);
  return { keys, phrases: { bio: skillWords(bio ?? '').join(' '), tags: tags.map((t) => skillWords(t).join(' ')) } };
}

/** How well a profile matches a query, in [0, 1], and the evidence for it. */
export interface SkillMatch { score: number; evidence: Array<{ word: string; source: SkillSource; found: string }>; phrase: SkillSource | null }

/**
 * The match: the mean over the query's words of the best source's weight for that word; the
 * whole phrase found as written in a tag or the bio counts as full evidence from it.
 */
export function matchSkill(profile: SkillProfile, query: SkillQuery): SkillMatch {
  if (query.words.length === 0) return { score: 0, evidence: [], phrase: null };
  const joined = query.words.map((w) => w.word).join(' ');
  const phrase: SkillSource | null = query.words.length > 1 && profile.phrases.tags.some((t) => ` ${t} `.includes(` ${joined} `)) ? 'tag'
    : query.words.length > 1 && ` ${profile.phrases.bio} `.includes(` ${joined} `) ? 'bio' : null;
  let total = 0;
  const evidence: SkillMatch['evidence'] = [];
  for (const { word, keys } of query.words) {
    let best: { source: SkillSource; word: string } | undefined;
    for (const key of keys) {
      const hit = profile.keys.get(key);
      if (hit && (!best || SOURCE_WEIGHT[hit.source] > SOURCE_WEIGHT[best.source])) best = hit;
    }
    if (!best) continue;
    total += SOURCE_WEIGHT[best.source];
    evidence.push({ word, source: best.source, found: best.word });
  }
  const score = phrase ? SOURCE_WEIGHT[phrase] : total / query.words.length;
  return { score, evidence, phrase };
}

/**
 * The terms an account's posts are about, most frequent first: hashtags (kept with their #)
 * count double, words need two uses. `posts` are texts, `hashtags` the posts' hashtags.
 */
export function postTerms(texts: readonly string[], hashtags: readonly string[], limit = 30): string[] {
  const counts = new Map<string, number>();
  for (const tag of hashtags) {
    const folded = skillWords(tag).join('');
    if (folded) counts.set(`#${folded}`, (counts.get(`#${folded}`) ?? 0) + 2);
  }
  for (const text of texts) {
    for (const w of new Set(skillWords(text))) if (w.length > 3) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([t]) => t);
}

/**
 * A community's label: the words its members' bios use most, relative to the whole workspace
 * (frequency × log lift, a simple tf-idf), at most three.
 */
export function distinctiveTerms(members: readonly string[][], all: ReadonlyMap<string, number>, totalDocs: number, limit = 3): string[] {
  const counts = new Map<string, number>();
  for (const words of members) for (const w of new Set(words)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const size = Math.max(1, members.length);
  const scored: Array<[string, number]> = [];
  for (const [w, c] of counts) {
    if (c < 2 || w.length < 3) continue;
    const lift = (c / size) / ((all.get(w) ?? c) / Math.max(1, totalDocs));
    if (lift <= 1.2) continue;
    scored.push([w, c * Math.log(lift)]);
  }
  return scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([w]) => w);
}

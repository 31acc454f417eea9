// What the ingest and percolation benchmarks feed relais: the demo world's mentions written as
// the NDJSON a user gives `relais ingest` (French and English posts, blogs, news, forums, with
// their authors' profiles), and topics generated from the vocabulary of those same mentions —
// varied boolean queries with phrases, wildcards, NEAR, ~n, fields, hashtags, handles and NOT,
// in the proportions a listening team writes them. Seeded: the same run gives the same data.
import type { MentionInput } from '../src/listen/model.ts';
import { foldedWords } from '../src/listen/query/fold.ts';
import { generateWorld } from '../src/demo/world.ts';
import { createRandom, type Random } from '../src/demo/random.ts';
import type { DemoWorld } from '../src/demo/model.ts';

/** The demo world's mentions as MentionInput, the shape of an NDJSON line. */
export function worldMentions(options: { seed?: number; accounts?: number; mentions: number }): { world: DemoWorld; mentions: MentionInput[] } {
  const world = generateWorld({ seed: options.seed ?? 1, size: 'medium', accounts: options.accounts ?? 20_000, ties: (options.accounts ?? 20_000) * 10, mentions: options.mentions });
  const mentions = world.mentions.map((m): MentionInput => {
    const a = world.accounts[m.author]!;
    return {
      network: m.network,
      networkId: m.network_id,
      sourceType: m.source_type,
      url: m.url,
      author: { handle: a.handle, displayName: a.display_name, followers: a.followers, following: a.following, location: a.location, profileUrl: a.profile_url, bio: a.bio },
      publishedAt: m.published_at,
      title: m.title,
      text: m.text,
      // Mastodon, Bluesky and X say the language of a post; feeds and forums mostly do not.
      lang: m.network === 'web' ? null : m.lang,
      links: m.links,
      hashtags: m.hashtags,
      mentioned: m.mentioned,
      replyTo: m.reply_to,
      quoteOf: m.quote_of,
      reshareOf: m.reshare_of,
      engagement: m.engagement,
      // A payload as a source keeps it: the network's own record, smaller than a real status.
      raw: { id: m.network_id, created_at: new Date(m.published_at).toISOString(), url: m.url, account: { acct: a.handle, followers_count: a.followers }, favourites_count: m.engagement.likes, reblogs_count: m.engagement.shares },
    };
  });
  return { world, mentions };
}

/** The vocabulary topics are written from: words, word pairs, hashtags, handles and sites of the mentions. */
export interface Vocabulary {
  words: string[];
  pairs: string[];
  hashtags: string[];
  handles: string[];
  sites: string[];
}

const STOP = new Set('dans pour avec plus mais nous vous sont cette tout tous elle leur leurs comme fait être avoir sans sous chez quand quoi donc alors aussi très bien même encore this that with from have your what when they them there their will would about just been were which more some than then into only also very here after over back make like'.split(' '));

export function vocabularyOf(mentions: readonly MentionInput[]): Vocabulary {
  const df = new Map<string, number>();
  const pairs = new Map<string, number>();
  const hashtags = new Map<string, number>();
  const handles = new Map<string, number>();
  const sites = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const m of mentions) {
    // Words of the prose: links, handles and hashtags are drawn from their own lists.
    const words = foldedWords(`${m.title ?? ''} ${m.text}`.replace(/https?:\S+|[@#]\S+/g, ' '));
    for (const w of new Set(words)) if (w.length >= 4 && !STOP.has(w) && !/\d/.test(w)) bump(df, w);
    for (let i = 0; i + 1 < words.length; i++) if (words[i]!.length >= 4 && words[i + 1]!.length >= 4) bump(pairs, `${words[i]} ${words[i + 1]}`);
    for (const t of m.hashtags) bump(hashtags, t.replace(/^#/, ''));
    for (const h of m.mentioned) bump(handles, h.replace(/^@/, ''));
    const host = m.url ? /^https?:\/\/(?:www\.)?([^/]+)/.exec(m.url)?.[1] : undefined;
    if (host && m.network === 'web') bump(sites, host);
  }
  // Topic words are specific: neither everywhere (stop-words, the brand) nor seen once.
  const n = mentions.length;
  const band = (map: Map<string, number>, min: number, maxShare: number) => [...map].filter(([, c]) => c >= min && c <= maxShare * n).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  return { words: band(df, 3, 0.006), pairs: band(pairs, 3, 0.004), hashtags: band(hashtags, 2, 0.01), handles: band(handles, 2, 0.05), sites: band(sites, 2, 0.05) };
}

const LANGS = ['fr', 'en'];
const SOURCES = ['blog', 'news', 'forum', 'microblog', 'review', 'video'];
const SENTIMENTS = ['negative', 'positive', 'neutral'];

/**
 * `count` topic queries, each valid for relais' query language, e.g. `(refuge OR bivouac*) AND
 * NOT emploi`, `"cimes alpha"~3 OR #CimesAlpha`, `lang:fr AND sentiment:negative AND (arnaque OR honte)`.
 */
export function generateTopics(vocabulary: Vocabulary, count: number, seed = 7): string[] {
  const random = createRandom(`topics-${seed}`);
  // Zipf over the vocabulary: most topics use fairly common words, some use rare ones.
  const word = () => vocabulary.words[random.zipf(vocabulary.words.length, 0.6) - 1]!;
  const pair = () => vocabulary.pairs[random.zipf(vocabulary.pairs.length, 0.6) - 1]!;
  const tag = () => (vocabulary.hashtags.length ? `#${random.pick(vocabulary.hashtags)}` : word());
  const handle = () => (vocabulary.handles.length ? random.pick(vocabulary.handles) : word());
  const site = () => (vocabulary.sites.length ? random.pick(vocabulary.sites) : 'lemonde.fr');
  // A stem keeps at least five letters: "répar*", "organis*", as analysts write them.
  const stem = () => {
    let w = word();
    while (w.length < 7) w = word();
    return `${w.slice(0, Math.min(w.length - 1, random.int(5, 7)))}*`;
  };
  const alternatives = (k: number) => Array.from({ length: k }, () => (random.chance(0.25) ? `"${pair()}"` : random.chance(0.15) ? stem() : word())).join(' OR ');
  const templates: Array<[number, (r: Random) => string]> = [
    [18, () => alternatives(random.int(2, 6))],
    [12, () => `(${alternatives(random.int(2, 4))}) AND (${alternatives(random.int(2, 4))})`],
    [10, () => `(${alternatives(random.int(2, 5))}) AND NOT (${alternatives(random.int(1, 3))})`],
    [8, () => `"${pair()}"~${random.int(2, 8)} OR ${tag()}`],
    [8, () => `${word()} NEAR/${random.int(1, 6)} (${alternatives(random.int(1, 3))})`],
    [4, () => `${word()} ONEAR/${random.int(1, 4)} ${stem()}`],
    [8, () => `lang:${random.pick(LANGS)} AND sentiment:${random.pick(SENTIMENTS)} AND (${alternatives(random.int(2, 5))})`],
    [7, () => `${tag()} OR ${tag()} OR @${handle()} OR author:${handle()}`],
    [6, () => `site:${site()} OR ${word()}`],
    [5, () => `title:(${alternatives(random.int(1, 3))}) AND source:${random.pick(SOURCES)}`],
    [4, () => `(${alternatives(random.int(2, 4))}) -site:${site()} -lang:${random.pick(LANGS)}`],
    [3, () => `raw:${capital(word())} OR "${pair()}"`],
    [3, () => `country:${random.pick(['fr', 'be', 'ch', 'ca', 'us', 'gb'])} AND (${alternatives(random.int(1, 4))})`],
    [2, () => `gender:${random.pick(['f', 'm'])} AND ${word()} AND ${word()}`],
    [1, () => `url:${site()}/`],
    [1, () => `(${alternatives(random.int(1, 3))}) AND NOT lang:${random.pick(LANGS)}`],
  ];
  const weights = templates.map(([w]) => w);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(random.weighted(templates, weights)[1](random));
  return out;
}

function capital(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

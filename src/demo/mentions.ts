// The engine every storyline writes through. `emit` turns a draft (author, time, text, and what
// it replies to, quotes or reshares) into a mention row: source type from the author's outlet,
// network id and URL, entities read from the text, engagement. `runStoryline` schedules a
// storyline's mentions day by day, in time order, and makes conversations flow along the
// graph: a reply, quote or reshare targets a recent post and is written by one of its
// author's followers (preferably on the same network).
import type { Cast } from './accounts.ts';
import { engagementOf } from './engagement.ts';
import { addressOf } from './ids.ts';
import { HOUR, type DemoAccount, type DemoMention, type Lang, type Outlet, type SourceType, type Storyline } from './model.ts';
import { aliasTable, type AliasTable, type Random } from './random.ts';
import { capitalize, entitiesOf, tidy } from './texts.ts';
import type { Timeline } from './timeline.ts';

export const SOURCE_OF: Record<Outlet, SourceType> = { micro: 'microblog', blog: 'blog', news: 'news', forum: 'forum', review: 'review', video: 'video', social: 'social' };
const CONVERSING: ReadonlySet<Outlet> = new Set(['micro', 'social']);

export interface Context {
  accounts: DemoAccount[];
  cast: Cast;
  /** In-neighbours (followers) as CSR: followers of a are sources[offsets[a] .. offsets[a+1]). */
  followers: { offsets: Int32Array; sources: Int32Array };
  timeline: Timeline;
  mentions: DemoMention[];
  sequence: number;
  /** Replies and reshares/quotes each mention received inside the world. */
  echoes: Map<DemoMention, { replies: number; shares: number }>;
}

export interface Draft {
  author: number;
  at: number;
  storyline: Storyline;
  text: string;
  title?: string | null;
  lang?: Lang;
  sourceType?: SourceType;
  replyTo?: DemoMention;
  quoteOf?: DemoMention;
  reshareOf?: DemoMention;
  /** Forum thread slug (replies stay in their thread). */
  thread?: string;
  boost?: number;
}

export function emit(ctx: Context, random: Random, draft: Draft): DemoMention {
  const author = ctx.accounts[draft.author] as DemoAccount;
  const target = draft.reshareOf;
  const at = Math.round(draft.at);
  const sourceType = draft.sourceType ?? SOURCE_OF[author.outlet];
  ctx.sequence += 1;
  const address = addressOf(author, sourceType, at, ctx.sequence, target ? 'reshare' : 'post', draft.title ?? null, draft.thread);
  let text = capitalize(draft.text.includes('  ') ? tidy([draft.text]) : draft.text.trim());
  let entities: { hashtags: string[]; mentioned: string[]; links: string[] };
  if (target) {
    // A reshare carries the original's text and entities (X prefixes "RT @author:").
    const original = ctx.accounts[target.author] as DemoAccount;
    const rt = author.network === 'x' && !target.text.startsWith('RT @');
    text = rt ? `RT @${original.handle}: ${target.text}` : target.text;
    entities = { hashtags: target.hashtags, mentioned: rt && !target.mentioned.includes(original.handle) ? [original.handle, ...target.mentioned] : target.mentioned, links: target.links };
  } else entities = entitiesOf(text);
  const kind = target ? 'reshare' : draft.replyTo ? 'reply' : draft.quoteOf ? 'quote' : 'post';
  const mention: DemoMention = {
    network: author.network as DemoMention['network'],
    network_id: address.network_id,
    url: address.url,
    canonical_url: address.canonical_url,
    source_type: sourceType,
    author: draft.author,
    published_at: at,
    title: draft.title ?? null,
    text,
    lang: target ? target.lang : (draft.lang ?? author.lang),
    links: entities.links,
    hashtags: entities.hashtags,
    mentioned: entities.mentioned,
    reply_to: draft.replyTo?.network_id ?? null,
    quote_of: draft.quoteOf?.network_id ?? null,
    reshare_of: target?.network_id ?? null,
    engagement: engagementOf(random, author, sourceType, kind, draft.boost),
    ingested_at: at + random.int(20_000, 1_200_000),
    storyline: draft.storyline,
  };
  ctx.mentions.push(mention);
  const echoed = draft.replyTo ?? draft.quoteOf ?? target;
  if (echoed) {
    const echo = ctx.echoes.get(echoed) ?? { replies: 0, shares: 0 };
    if (draft.replyTo) echo.replies += 1;
    else echo.shares += 1;
    ctx.echoes.set(echoed, echo);
  }
  return mention;
}

/** Anything that draws authors: a pool, or a mix of pools. */
export interface AuthorSource {
  draw(random: Random): number;
}

/** Weighted authors for a storyline's original posts. */
export class AuthorPool implements AuthorSource {
  private readonly members: Int32Array;
  private readonly table: AliasTable;

  constructor(accounts: readonly DemoAccount[], weight: (a: DemoAccount) => number) {
    const members: number[] = [];
    const weights: number[] = [];
    for (const a of accounts) {
      const w = weight(a);
      if (w > 0) {
        members.push(a.index);
        weights.push(w);
      }
    }
    if (members.length === 0) throw new Error('an author pool with nobody in it');
    this.members = Int32Array.from(members);
    this.table = aliasTable(weights);
  }

  draw(random: Random): number {
    return this.members[this.table.draw(random)] as number;
  }
}

/** Recent posts a storyline's conversations can target, newest last. */
export class Conversation {
  private readonly recent: DemoMention[] = [];
  private pinned: { mention: DemoMention; share: number; until: number } | null = null;

  private readonly capacity: number;

  constructor(capacity = 300) {
    this.capacity = capacity;
  }

  add(mention: DemoMention): void {
    this.recent.push(mention);
    if (this.recent.length > this.capacity * 2) this.recent.splice(0, this.recent.length - this.capacity);
  }

  /** Makes `mention` the target of `share` of the interactions until `until`. */
  pin(mention: DemoMention, share: number, until: number): void {
    this.pinned = { mention, share, until };
  }

  get size(): number {
    return this.recent.length;
  }

  /** A recent post published before `at`: recency-biased, with a pull towards big audiences. */
  target(random: Random, at: number, accounts: readonly DemoAccount[]): DemoMention | null {
    const pin = this.pinned;
    if (pin && pin.mention.published_at < at && at < pin.until && random.chance(pin.share)) return pin.mention;
    const n = this.recent.length;
    if (n === 0) return null;
    const pickOne = (): DemoMention => this.recent[Math.max(0, n - 1 - Math.floor(random.exponential(40)))] as DemoMention;
    let chosen = pickOne();
    const other = pickOne();
    if (random.chance(0.5) && (accounts[other.author]?.followers ?? 0) > (accounts[chosen.author]?.followers ?? 0)) chosen = other;
    return chosen.published_at < at ? chosen : null;
  }
}

/** One of the followers of `author` who can answer on a social network, or -1. */
export function follower(ctx: Context, random: Random, author: number): number {
  const from = ctx.followers.offsets[author] as number;
  const to = ctx.followers.offsets[author + 1] as number;
  if (to <= from) return -1;
  const network = ctx.accounts[author]?.network;
  let fallback = -1;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const candidate = ctx.followers.sources[random.int(from, to - 1)] as number;
    const account = ctx.accounts[candidate] as DemoAccount;
    if (!CONVERSING.has(account.outlet)) continue;
    if (account.network === network) return candidate;
    if (fallback < 0) fallback = candidate;
  }
  return fallback;
}

export interface Post {
  text: string;
  title?: string;
  sourceType?: SourceType;
  lang?: Lang;
  /** The mood the words carry; only the storyline's hooks read it. */
  mood?: 'positive' | 'neutral' | 'negative';
}

export interface StorylineSpec {
  storyline: Storyline;
  /** Mentions per day (index 0 = first day). */
  counts: readonly number[];
  /** Shares of slots that are interactions, when a target exists. */
  mix: { reply: number; reshare: number; quote: number };
  authors: (day: number) => AuthorSource;
  /** An original post: its text (and title for web pages). */
  original: (random: Random, author: DemoAccount, day: number) => Post;
  /** Called after each original post (the brand answers complaints here). */
  onOriginal?: (random: Random, mention: DemoMention, post: Post) => void;
  reply: (random: Random, author: DemoAccount, target: DemoMention, day: number) => string;
  quote: (random: Random, author: DemoAccount, target: DemoMention, day: number) => string;
  conversation?: Conversation;
  /** No mention before this instant: earlier slots move just after it (an event's start). */
  from?: number;
}

export function runStoryline(ctx: Context, random: Random, spec: StorylineSpec): Conversation {
  const conversation = spec.conversation ?? new Conversation();
  const threads = new Map<string, DemoMention[]>();
  const { reply, reshare, quote } = spec.mix;
  for (let day = 0; day < spec.counts.length; day += 1) {
    const n = spec.counts[day] ?? 0;
    const dayEnd = Math.min(ctx.timeline.dayStart(day + 1), ctx.timeline.now) - 1;
    const clamp = (at: number): number => (spec.from !== undefined && at < spec.from ? Math.min(dayEnd, Math.round(spec.from + random.exponential(2 * HOUR))) : at);
    const slots = Array.from({ length: n }, () => clamp(ctx.timeline.momentIn(random, day))).sort((a, b) => a - b);
    const pool = spec.authors(day);
    for (const at of slots) {
      const r = random.next();
      if (r < reply + reshare + quote) {
        const target = conversation.target(random, at, ctx.accounts);
        const author = target ? follower(ctx, random, target.author) : -1;
        if (target && author >= 0 && author !== target.author) {
          const account = ctx.accounts[author] as DemoAccount;
          if (r < reshare) emit(ctx, random, { author, at, storyline: spec.storyline, text: '', reshareOf: target });
          else if (r < reshare + reply) conversation.add(emit(ctx, random, { author, at, storyline: spec.storyline, text: spec.reply(random, account, target, day), lang: account.lang, replyTo: target }));
          else conversation.add(emit(ctx, random, { author, at, storyline: spec.storyline, text: spec.quote(random, account, target, day), quoteOf: target }));
          continue;
        }
      }
      const author = pool.draw(random);
      const account = ctx.accounts[author] as DemoAccount;
      const post = spec.original(random, account, day);
      const sourceType = post.sourceType ?? SOURCE_OF[account.outlet];
      const when = sourceType === 'news' ? clamp(ctx.timeline.momentIn(random, day, true)) : at;
      if (sourceType === 'forum') {
        // Forum posts open a thread or answer one on the same site.
        const host = account.handle.split('/u/')[0] as string;
        const open = threads.get(host) ?? [];
        const starter = open.length > 0 && random.chance(0.65) ? open[Math.max(0, open.length - 1 - Math.floor(random.exponential(5)))] : undefined;
        if (starter && starter.published_at < when) {
          const text = spec.reply(random, account, starter, day);
          emit(ctx, random, { author, at: when, storyline: spec.storyline, text, title: `Re: ${starter.title ?? ''}`, replyTo: starter, thread: starter.canonical_url?.split('/t/')[1]?.split('/')[0] });
          continue;
        }
        const mention = emit(ctx, random, { author, at: when, storyline: spec.storyline, ...post, sourceType });
        open.push(mention);
        threads.set(host, open.slice(-40));
        continue;
      }
      const mention = emit(ctx, random, { author, at: when, storyline: spec.storyline, ...post, sourceType });
      if (CONVERSING.has(account.outlet) && sourceType !== 'news') conversation.add(mention);
      spec.onOriginal?.(random, mention, post);
    }
  }
  return conversation;
}

// A post that travels: an independent cascade (Kempe, Kleinberg & Tardos 2003) on the follow
// graph. Each account that passes the post on gives each of its followers one chance to pass
// it on in turn, after an exponential delay. Passing on is mostly a reshare, sometimes a quote
// or a reply. Spread can later replay the same graph and compare its predictions with this.
// The probability is raised until the cascade reaches its intended size (a world of 2,000
// accounts and one of 200,000 should both see a buzz), then the earliest `cap` events are kept.
import type { DemoAccount, DemoMention, Storyline } from './model.ts';
import { emit, type Context } from './mentions.ts';
import type { Random } from './random.ts';

export interface CascadeOptions {
  origin: DemoMention;
  storyline: Storyline;
  /** Intended number of mentions (reshares, quotes, replies). */
  cap: number;
  /** Starting per-edge probability. */
  probability: number;
  meanDelay: number;
  /** Nothing is passed on after origin + window. */
  window: number;
  quoteShare: number;
  replyShare: number;
  /** Per-account factor on the probability (interest, loyalty…). */
  affinity: (account: DemoAccount) => number;
  quoteText: (random: Random, author: DemoAccount) => string;
  replyText: (random: Random, author: DemoAccount) => string;
}

interface Event {
  account: number;
  at: number;
}

function spread(ctx: Context, random: Random, options: CascadeOptions, probability: number): Event[] {
  const end = Math.min(options.origin.published_at + options.window, ctx.timeline.now - 1);
  const seen = new Uint8Array(ctx.accounts.length);
  seen[options.origin.author] = 1;
  const events: Event[] = [];
  let frontier: Event[] = [{ account: options.origin.author, at: options.origin.published_at }];
  const { offsets, sources } = ctx.followers;
  while (frontier.length > 0 && events.length < options.cap * 3) {
    const next: Event[] = [];
    for (const parent of frontier) {
      for (let i = offsets[parent.account] as number; i < (offsets[parent.account + 1] as number); i += 1) {
        const follower = sources[i] as number;
        if (seen[follower]) continue;
        const account = ctx.accounts[follower] as DemoAccount;
        if (account.outlet !== 'micro' && account.outlet !== 'social') continue;
        if (!random.chance(Math.min(0.95, probability * options.affinity(account)))) continue;
        seen[follower] = 1;
        const at = parent.at + random.exponential(options.meanDelay) + 60_000;
        if (at >= end) continue;
        const event = { account: follower, at };
        events.push(event);
        next.push(event);
      }
    }
    frontier = next;
  }
  return events;
}

/** Runs the cascade and emits its mentions; returns them in time order. */
export function cascade(ctx: Context, random: Random, options: CascadeOptions): DemoMention[] {
  let probability = options.probability;
  let events: Event[] = [];
  for (let attempt = 0; attempt < 8; attempt += 1) {
    events = spread(ctx, random.fork(`attempt-${attempt}`), options, probability);
    if (events.length >= options.cap * 0.8 || probability >= 0.9) break;
    probability = Math.min(0.9, probability * 1.7);
  }
  events.sort((a, b) => a.at - b.at || a.account - b.account);
  const out: DemoMention[] = [];
  for (const event of events.slice(0, options.cap)) {
    const account = ctx.accounts[event.account] as DemoAccount;
    const r = random.next();
    const at = Math.round(event.at);
    if (r < options.quoteShare) out.push(emit(ctx, random, { author: event.account, at, storyline: options.storyline, text: options.quoteText(random, account), quoteOf: options.origin }));
    else if (r < options.quoteShare + options.replyShare) out.push(emit(ctx, random, { author: event.account, at, storyline: options.storyline, text: options.replyText(random, account), replyTo: options.origin }));
    else out.push(emit(ctx, random, { author: event.account, at, storyline: options.storyline, text: '', reshareOf: options.origin }));
  }
  return out;
}

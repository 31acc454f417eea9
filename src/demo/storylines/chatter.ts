// Background talk: each community about its own things, every day, with weekly rhythm. It is
// most of the volume and gives the graph its conversations (replies and reshares between
// people who follow each other) and the keyword analyses their background.
import { CHATTER, QUOTES, REPLIES, REPORTS, TITLES, VOCABULARY } from '../data/chatter.ts';
import { COMMUNITIES } from '../data/communities.ts';
import type { DemoAccount, SourceType } from '../model.ts';
import { AuthorPool, SOURCE_OF, type Context, type StorylineSpec } from '../mentions.ts';
import type { Random } from '../random.ts';
import { prose, sentence, sentences, tidy } from '../texts.ts';
import { dailyCounts, weekFactor } from '../timeline.ts';

const OUTDOOR = new Set(COMMUNITIES.filter((c) => c.outdoor).map((c) => c.id));

/** The community an account talks about (staff talk about their outdoor side). */
export function topicOf(account: DemoAccount): string {
  if (CHATTER[account.community]) return account.community;
  if (account.community2 && CHATTER[account.community2]) return account.community2;
  return 'climbing';
}

/** A web page (blog post, news piece, forum thread, video): a title and its sentences as prose. */
export function page(title: string, body: readonly string[]): { title: string; text: string } {
  const head = title.charAt(0).toUpperCase() + title.slice(1);
  return { title: head, text: tidy(body.map(prose)) };
}

export function chatterSpec(ctx: Context, random: Random, total: number): StorylineSpec {
  const weights = Array.from({ length: ctx.timeline.days }, (_, d) => (weekFactor(ctx.timeline.weekday(d), 'outdoor') + weekFactor(ctx.timeline.weekday(d), 'work')) / 2);
  // Reviewers only review products: they appear in the brand storylines.
  const authors = new AuthorPool(ctx.accounts, (a) => (a.affiliation === 'brand' || a.affiliation === 'competitor' || a.outlet === 'review' ? 0 : a.activity));
  return {
    storyline: 'chatter',
    counts: dailyCounts(random, total, weights),
    mix: { reply: 0.14, reshare: 0.16, quote: 0.04 },
    authors: () => authors,
    original(r, author) {
      const topic = topicOf(author);
      const bank = CHATTER[topic] ?? (CHATTER.lifestyle as (typeof CHATTER)[string]);
      const lang = author.lang;
      const sourceType: SourceType = SOURCE_OF[author.outlet];
      if (sourceType === 'microblog' || sourceType === 'social') return { text: sentence(r, bank[lang], VOCABULARY) };
      const titles = TITLES[topic] ?? (TITLES.lifestyle as (typeof TITLES)[string]);
      const reports = sourceType === 'news' ? (REPORTS[topic] ?? bank) : bank;
      return page(sentence(r, titles[lang], VOCABULARY), sentences(r, reports[lang], r.int(2, 4), VOCABULARY));
    },
    reply: (r, author) => sentence(r, REPLIES[author.lang], VOCABULARY),
    quote: (r, author) => sentence(r, QUOTES[author.lang], VOCABULARY),
  };
}

export function isOutdoor(account: DemoAccount): boolean {
  return OUTDOOR.has(account.community) || (account.community2 !== null && OUTDOOR.has(account.community2));
}

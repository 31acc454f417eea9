// Event (a): a political scandal with nothing to do with the brand's products, shaped on seed
// 003's DSK buzz. A low baseline (the minister in the news), then an arrest: daily volume
// jumps ×40, peaks near ×160 its baseline on the third day, and decays over two weeks. Mostly
// news and blogs (DSK: news ×270, blogs ×83), written mostly by men ("une énorme majorité
// d'hommes"), with co-mentioned names (the President, the rival, the judge, the lawyer).
import { VOCABULARY } from '../data/chatter.ts';
import { NEWS_BODY, NEWS_HEADLINES, REACTIONS, SCANDAL_REPLIES, SCANDAL_VOCABULARY, type Phase } from '../data/scandal.ts';
import type { DemoAccount, Outlet } from '../model.ts';
import { AuthorPool, SOURCE_OF, type AuthorSource, type Context, type StorylineSpec } from '../mentions.ts';
import type { Random } from '../random.ts';
import { fill, sentenceOf, sentences, tidy, type Vocabulary } from '../texts.ts';
import { dailyCounts } from '../timeline.ts';
import { page } from './chatter.ts';

/** The burst, day by day from the arrest, as multiples of the baseline day. */
export const SCANDAL_BURST = [40, 140, 160, 110, 70, 45, 30, 20, 14, 10, 7, 5, 4, 3, 2.5, 2];
/** After the burst the topic stays above its old baseline. */
const AFTERMATH = 1.5;
/** The day (from the first of the 60) the minister is arrested. */
export const SCANDAL_START_DAY = 20;

/** Source mix (news, blog, micro, forum) before and during the burst. */
const MIX_BEFORE = { news: 0.55, blog: 0.1, micro: 0.3, forum: 0.05 };
const MIX_BURST = { news: 0.45, blog: 0.2, micro: 0.27, forum: 0.08 };

const VOCAB: Vocabulary = { ...VOCABULARY, ...SCANDAL_VOCABULARY };

export function phaseOf(day: number): Phase {
  const since = day - SCANDAL_START_DAY;
  return since < 0 ? 'before' : since < 1 ? 'arrest' : since < 6 ? 'case' : 'after';
}

export function scandalWeights(days: number): number[] {
  return Array.from({ length: days }, (_, d) => (d < SCANDAL_START_DAY ? 1 : (SCANDAL_BURST[d - SCANDAL_START_DAY] ?? AFTERMATH)));
}

/** Draws the outlet first (by the day's mix), then an author of that outlet. */
class MixedPool {
  private readonly pools: Record<'news' | 'blog' | 'micro' | 'forum', AuthorPool>;

  constructor(accounts: readonly DemoAccount[]) {
    const male = (a: DemoAccount): number => (a.sex === 'm' ? 2.5 : 1);
    const press = (a: DemoAccount): number => (a.community === 'press' || a.community2 === 'press' ? 4 : a.community === 'lifestyle' || a.community === 'marketing' ? 1.5 : 0.5);
    const of = (outlets: readonly Outlet[], weight: (a: DemoAccount) => number): AuthorPool =>
      new AuthorPool(accounts, (a) => (a.affiliation === null && outlets.includes(a.outlet) ? weight(a) : 0));
    this.pools = {
      news: of(['news'], (a) => a.activity * (a.community === 'press' ? 3 : 1)),
      blog: of(['blog', 'video'], (a) => a.activity * press(a) * male(a)),
      micro: of(['micro', 'social'], (a) => a.activity * press(a) * male(a)),
      forum: of(['forum'], (a) => a.activity * press(a) * male(a)),
    };
  }

  forDay(day: number): AuthorSource {
    const mix = day < SCANDAL_START_DAY ? MIX_BEFORE : MIX_BURST;
    const pools = this.pools;
    return {
      draw(random: Random): number {
        const r = random.next();
        const key = r < mix.news ? 'news' : r < mix.news + mix.blog ? 'blog' : r < mix.news + mix.blog + mix.micro ? 'micro' : 'forum';
        return pools[key].draw(random);
      },
    };
  }
}

export function scandalSpec(ctx: Context, random: Random, total: number): StorylineSpec {
  const pool = new MixedPool(ctx.accounts);
  return {
    storyline: 'scandal',
    counts: dailyCounts(random, total, scandalWeights(ctx.timeline.days)),
    mix: { reply: 0.1, reshare: 0.2, quote: 0.05 },
    authors: (day) => pool.forDay(day),
    original(r, author, day) {
      const phase = phaseOf(day);
      const lang = author.lang;
      const say = (bank: readonly string[]): string => fill(r, r.pick(bank), VOCAB);
      const several = (bank: readonly string[], n: number): string[] => sentences(r, bank, n, VOCAB);
      const source = SOURCE_OF[author.outlet];
      if (source === 'microblog' || source === 'social') return { text: say(REACTIONS[phase][lang]) };
      const title = say(NEWS_HEADLINES[phase][lang]);
      if (source === 'news') {
        return { title, text: tidy([sentenceOf(title), ...several(NEWS_BODY[phase][lang], r.int(2, 3))]) };
      }
      // Blogs, forums and videos comment rather than report.
      return page(source === 'forum' ? `${title} ?` : title, [say(NEWS_BODY[phase][lang]), ...several(REACTIONS[phase][lang], r.int(1, 3))]);
    },
    reply: (r, author) => fill(r, r.pick(SCANDAL_REPLIES[author.lang]), VOCAB),
    quote: (r, author, _target, day) => fill(r, r.pick(REACTIONS[phaseOf(day)][author.lang]), VOCAB),
  };
}

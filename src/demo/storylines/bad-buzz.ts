// Event (c): a bad buzz. One influential author (a mountain video-maker with a large audience)
// posts that his new jacket tore and the brand refused to exchange it: "arnaque", "honte",
// "boycott". Reshares carry it through the graph within two days; forums, blogs and the press
// pick it up; the brand answers the next morning and announces a recall the day after — the
// escalation that Engage's playbook is for.
import { BRAND } from '../brand.ts';
import { cascade } from '../cascade.ts';
import { VOCABULARY } from '../data/chatter.ts';
import { BAD_BUZZ_TEXTS } from '../data/events.ts';
import type { DemoAccount } from '../model.ts';
import { AuthorPool, Conversation, emit, runStoryline, SOURCE_OF, type Context } from '../mentions.ts';
import type { Random } from '../random.ts';
import { fill, prose, sentenceOf, sentences, tidy } from '../texts.ts';
import { companySlots } from './brand-talk.ts';
import { isOutdoor, page } from './chatter.ts';

/** The day the bad buzz starts (from the first of the 60 days), at 18:40 in Paris. */
export const BAD_BUZZ_DAY = 47;
const CURVE = [35, 45, 12, 5, 3, 2, 1];

export function runBadBuzz(ctx: Context, random: Random, total: number): { at: number; origin: string } {
  const { timeline, cast } = ctx;
  const at = timeline.localAt(BAD_BUZZ_DAY, 18, 40);
  const hour = 3_600_000;
  const author = cast.badBuzzAuthor;
  const origin = emit(ctx, random, { author, at, storyline: 'badbuzz', text: BAD_BUZZ_TEXTS.origin, lang: 'fr', boost: 40 });
  emit(ctx, random, { author, at: at + 52 * 60_000, storyline: 'badbuzz', text: BAD_BUZZ_TEXTS.followUp, lang: 'fr', replyTo: origin, boost: 10 });

  const say = (r: Random, bank: readonly string[], a: DemoAccount): string => fill(r, r.pick(bank), VOCABULARY, companySlots(r, BRAND, a, a.lang));
  const spread = cascade(ctx, random.fork('cascade'), {
    origin, storyline: 'badbuzz', cap: Math.round(total * 0.4), probability: 0.08, meanDelay: 2.5 * hour, window: 48 * hour,
    quoteShare: 0.14, replyShare: 0.1,
    affinity: (a) => (a.affiliation ? 0.02 : isOutdoor(a) ? 1.2 : 0.6),
    quoteText: (r, a) => r.pick(BAD_BUZZ_TEXTS.quotes[a.lang]),
    replyText: (r, a) => r.pick(BAD_BUZZ_TEXTS.replies[a.lang]),
  });

  // The brand answers the next morning, then announces a recall.
  const main = cast.brandMain;
  const handle = ctx.accounts[author]?.handle ?? '';
  const answerAt = timeline.localAt(BAD_BUZZ_DAY + 1, 9, 30);
  const answer = emit(ctx, random, { author: main, at: answerAt, storyline: 'badbuzz', text: BAD_BUZZ_TEXTS.brandAnswer.replace('{author}', handle), lang: 'fr', boost: 6 });
  emit(ctx, random, { author: main, at: answerAt + 4 * 60_000, storyline: 'badbuzz', text: `@${handle} Nous sommes désolés. Nous vous écrivons en MP pour remplacer votre veste aujourd’hui. ^Léa`, lang: 'fr', replyTo: origin });
  emit(ctx, random, { author: main, at: timeline.localAt(BAD_BUZZ_DAY + 2, 11), storyline: 'badbuzz', text: BAD_BUZZ_TEXTS.brandUpdate, lang: 'fr', boost: 4 });

  const conversation = new Conversation();
  conversation.pin(origin, 0.5, at + 48 * hour);
  conversation.add(answer);
  const authors = new AuthorPool(ctx.accounts, (a) => {
    if (a.affiliation === 'brand' || a.affiliation === 'competitor' || a.index === author) return 0;
    if (a.affiliation) return a.activity * 0.6;
    const fit = isOutdoor(a) ? 3 : a.community === 'marketing' ? 2 : 0.5;
    return a.activity * fit * (a.outlet === 'news' ? 0.5 : a.outlet === 'review' ? 0.2 : 1);
  });
  const weights = Array.from({ length: timeline.days }, (_, d) => CURVE[d - BAD_BUZZ_DAY] ?? 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  const flow = Math.max(0, total - spread.length - 5);
  runStoryline(ctx, random.fork('flow'), {
    storyline: 'badbuzz', from: at + 20 * 60_000, conversation,
    counts: weights.map((w) => random.poisson((flow * w) / sum)),
    mix: { reply: 0.14, reshare: 0.22, quote: 0.08 },
    authors: () => authors,
    original(r, a) {
      const source = SOURCE_OF[a.outlet];
      const lang = a.lang;
      if (a.affiliation) return { text: say(r, BAD_BUZZ_TEXTS.defenders[lang], a), mood: 'positive' };
      if (source === 'microblog' || source === 'social') return { text: say(r, BAD_BUZZ_TEXTS.posts[lang], a), mood: 'negative' };
      const body = sentences(r, BAD_BUZZ_TEXTS.posts[lang], 2, VOCABULARY, companySlots(r, BRAND, a, lang)).map(prose);
      if (source === 'news' || source === 'blog' || source === 'video') {
        const title = say(r, BAD_BUZZ_TEXTS.press[lang], a);
        return { title, text: tidy([sentenceOf(title), lang === 'fr' ? `Tout est parti d’un message de ${ctx.accounts[author]?.display_name} dénonçant une « arnaque ».` : '', ...body]) };
      }
      return page(lang === 'fr' ? `${BRAND.name} : arnaque ?` : `${BRAND.name} scam?`, body);
    },
    reply: (r, a) => (a.affiliation ? say(r, BAD_BUZZ_TEXTS.defenders[a.lang], a) : r.pick(BAD_BUZZ_TEXTS.replies[a.lang])),
    quote: (r, a) => r.pick(BAD_BUZZ_TEXTS.quotes[a.lang]),
  });
  return { at, origin: origin.network_id ?? '' };
}


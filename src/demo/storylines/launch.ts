// Event (b): the brand launches the Cimes Alpha jacket (seed 000's "launch clip shared
// massively"). Teasers for four days; on launch day the brand publishes a clip and announces it
// on every network; the announcement cascades through the graph (employees and ambassadors
// first); reviews, press and tests follow for two weeks, overwhelmingly positive.
import { BRAND, LAUNCH } from '../brand.ts';
import { cascade } from '../cascade.ts';
import { VOCABULARY } from '../data/chatter.ts';
import { LAUNCH_TEXTS } from '../data/events.ts';
import type { DemoAccount, DemoMention } from '../model.ts';
import { AuthorPool, Conversation, emit, runStoryline, SOURCE_OF, type Context } from '../mentions.ts';
import type { Random } from '../random.ts';
import { fill, prose, sentenceOf, sentences, tidy } from '../texts.ts';
import { companySlots } from './brand-talk.ts';
import { isOutdoor, page } from './chatter.ts';

/** Launch day (from the first of the 60 days), at 10:00 in Paris. */
export const LAUNCH_DAY = 36;
const DECAY = [30, 20, 14, 10, 8, 6, 5, 4, 3, 3, 2.5, 2, 2, 1.5, 1.2];

const staffAffinity = (a: DemoAccount): number => (a.affiliation === 'employee' || a.affiliation === 'ambassador' ? 10 : isOutdoor(a) ? 1.2 : 0.3);

export function runLaunch(ctx: Context, random: Random, total: number): { at: number; clip: string } {
  const { timeline } = ctx;
  const at = timeline.localAt(LAUNCH_DAY, 10);
  const say = (r: Random, template: string, author: DemoAccount, extra: Record<string, string> = {}): string =>
    fill(r, template, VOCABULARY, { ...companySlots(r, BRAND, author, author.lang, BRAND.products[0]), ...extra });
  const authors = new AuthorPool(ctx.accounts, (a) => {
    if (a.affiliation === 'brand' || a.affiliation === 'competitor') return 0;
    const staff = a.affiliation ? 4 : 1;
    const fit = isOutdoor(a) ? 1 : a.kind === 'media' && a.community2 !== null ? 0.4 : 0.1;
    return a.activity * staff * fit;
  });

  // Teasers: a trickle of posts (not articles) before the day.
  const teasers = new AuthorPool(ctx.accounts, (a) => (a.affiliation !== 'brand' && a.affiliation !== 'competitor' && (a.outlet === 'micro' || a.outlet === 'social') && isOutdoor(a) ? a.activity : 0));
  const teaserDays = Array.from({ length: timeline.days }, (_, d) => (d >= LAUNCH_DAY - 4 && d < LAUNCH_DAY ? Math.round((total * 0.01) + random.int(0, 2)) : 0));
  runStoryline(ctx, random.fork('teaser'), {
    storyline: 'launch', counts: teaserDays, mix: { reply: 0.1, reshare: 0.2, quote: 0 },
    authors: () => teasers,
    original: (r, author, day) => ({ text: say(r, r.pick(LAUNCH_TEXTS.teaser[author.lang]), author, { n: String(LAUNCH_DAY - day) }) }),
    reply: (r, author) => r.pick(LAUNCH_TEXTS.replies[author.lang]),
    quote: (r, author) => r.pick(LAUNCH_TEXTS.quotes[author.lang]),
  });

  // The clip, and its announcement on each of the brand's networks.
  const web = ctx.cast.brand.find((b) => ctx.accounts[b]?.network === 'web') as number;
  const clip = emit(ctx, random, { author: web, at, storyline: 'launch', sourceType: 'video', title: LAUNCH.clipTitle, text: LAUNCH_TEXTS.clipText, lang: 'fr', boost: 30 });
  clip.engagement.views = Math.round(10_000 * Math.sqrt(ctx.accounts.length / 2_000) * random.float(0.9, 1.2));
  let main: DemoMention | null = null;
  for (const b of ctx.cast.brand.filter((i) => i !== web)) {
    const account = ctx.accounts[b] as DemoAccount;
    const post = emit(ctx, random, { author: b, at: at + random.int(0, 300_000), storyline: 'launch', text: say(random, LAUNCH_TEXTS.brandLaunch, account, { url: clip.url ?? '' }), lang: 'fr', boost: 8 });
    if (b === ctx.cast.brandMain) main = post;
  }
  const origin = main as DemoMention;
  const spread = cascade(ctx, random.fork('cascade'), {
    origin, storyline: 'launch', cap: Math.round(total * 0.25), probability: 0.06, meanDelay: 8 * 3_600_000, window: 10 * 86_400_000,
    quoteShare: 0.1, replyShare: 0.06, affinity: staffAffinity,
    quoteText: (r, a) => r.pick(LAUNCH_TEXTS.quotes[a.lang]),
    replyText: (r, a) => r.pick(LAUNCH_TEXTS.replies[a.lang]),
  });

  // Two weeks of reactions, tests and press.
  const conversation = new Conversation();
  conversation.pin(origin, 0.3, at + 5 * 86_400_000);
  const flow = Math.max(0, total - spread.length - teaserDays.reduce((a, b) => a + b, 0) - 4);
  const weights = Array.from({ length: timeline.days }, (_, d) => DECAY[d - LAUNCH_DAY] ?? 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  runStoryline(ctx, random.fork('flow'), {
    storyline: 'launch', from: at, conversation,
    counts: weights.map((w) => random.poisson((flow * w) / sum)),
    mix: { reply: 0.12, reshare: 0.15, quote: 0.05 },
    authors: () => authors,
    original(r, author) {
      const source = SOURCE_OF[author.outlet];
      const lang = author.lang;
      if (source === 'microblog' || source === 'social') return { text: say(r, r.pick(LAUNCH_TEXTS.posts[lang]), author) };
      const body = sentences(r, LAUNCH_TEXTS.posts[lang], 2, VOCABULARY, companySlots(r, BRAND, author, lang, BRAND.products[0])).map((s) => s.replace(/@\S+/g, BRAND.name));
      if (source === 'news') {
        const title = say(r, r.pick(LAUNCH_TEXTS.press[lang]), author);
        return { title, text: tidy([sentenceOf(title), say(r, LAUNCH_TEXTS.clipText, author), prose(body[0] ?? '')]) };
      }
      if (source === 'review') return page(`Cimes Alpha${lang === 'fr' ? ' :' : ':'} ${r.pick(['5/5', '5/5', '4/5', '3/5'])}`, body);
      return page(lang === 'fr' ? `Test : la veste ${LAUNCH.product}` : `${LAUNCH.product} jacket review`, body);
    },
    reply: (r, author) => r.pick(LAUNCH_TEXTS.replies[author.lang]),
    quote: (r, author) => r.pick(LAUNCH_TEXTS.quotes[author.lang]),
  });
  return { at, clip: clip.network_id ?? '' };
}

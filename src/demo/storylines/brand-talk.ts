// Everyday talk about a company (the brand or a competitor): customers praising, asking,
// complaining; reviews, forum threads, gear tests on blogs, trade press. For the brand, its
// accounts answer a share of complaints (and thank some fans) within hours, as Engage would.
import { BRAND, COMPETITORS, type Company, type Product } from '../brand.ts';
import { VOCABULARY } from '../data/chatter.ts';
import { BRAND_REPLIES, BRAND_THANKS, CUSTOMER, FORUM_TITLES, OTHER_PRESS, OTHER_PRESS_BODY, PRESS, PRESS_BODY, REVIEW_TITLES, TIPS, type Mood } from '../data/brand-talk.ts';
import { HOUR, type DemoAccount, type Lang, type Storyline } from '../model.ts';
import { AuthorPool, emit, SOURCE_OF, type Context, type Post, type StorylineSpec } from '../mentions.ts';
import type { Random } from '../random.ts';
import { fill, sentence, sentences, tidy, type Vocabulary } from '../texts.ts';
import { dailyCounts, weekFactor } from '../timeline.ts';
import { isOutdoor, page } from './chatter.ts';

const WET = { f: 'elle prend l’eau', m: 'il prend l’eau', fp: 'elles prennent l’eau', mp: 'ils prennent l’eau' } as const;

/** Agreement slots for a product in a language. */
export function productSlots(product: Product, lang: Lang): Record<string, string> {
  if (lang === 'en') return { product: product[2], a: 'has', ma: 'my', Ma: 'My', la: 'the', du: 'of the', votre: 'your', wet: 'it leaks' };
  const g = product[1];
  const ma = g === 'f' ? 'ma' : g === 'm' ? 'mon' : 'mes';
  return { product: product[0], ma, Ma: ma[0]?.toUpperCase() + ma.slice(1), a: g.endsWith('p') ? 'ont' : 'a', la: g === 'f' ? 'la' : g === 'm' ? 'le' : 'les', du: g === 'f' ? 'de la' : g === 'm' ? 'du' : 'des', votre: g.endsWith('p') ? 'vos' : 'votre', wet: WET[g] };
}

/** How `author` names `company`: its @handle on the author's network, its name on the web. */
export function handleFor(company: Company, author: DemoAccount): string {
  const network = author.network as keyof Company['handles'];
  return network === 'web' ? company.name : `@${company.handles[network]}`;
}

export function companySlots(random: Random, company: Company, author: DemoAccount, lang: Lang, product?: Product): Record<string, string> {
  const others = [BRAND, ...COMPETITORS].filter((c) => c !== company);
  const rival = random.pick(others);
  const rivalProduct = random.pick(rival.products);
  return {
    brand: random.chance(0.6) ? company.name : company.short,
    handle: handleFor(company, author),
    tag: author.network === 'web' ? '' : handleFor(company, author),
    rival: rival.name,
    rivalProduct: lang === 'fr' ? rivalProduct[0] : rivalProduct[2],
    rivalLa: lang === 'fr' ? (productSlots(rivalProduct, 'fr').la as string) : 'the',
    ...productSlots(product ?? random.pick(company.products), lang),
  };
}

const VOCAB: Vocabulary = { ...VOCABULARY, ...TIPS };

function moodOf(random: Random): Mood {
  const r = random.next();
  return r < 0.5 ? 'positive' : r < 0.83 ? 'neutral' : 'negative';
}

/** A post about `company` in the author's outlet style. */
export function companyPost(random: Random, company: Company, author: DemoAccount, mood: Mood): Post {
  const lang = author.lang;
  const slots = companySlots(random, company, author, lang);
  const say = (bank: readonly string[]): string => fill(random, random.pick(bank), VOCAB, slots);
  const source = SOURCE_OF[author.outlet];
  if (source === 'microblog' || source === 'social') return { text: say(CUSTOMER[mood][lang]), mood };
  const body = sentences(random, CUSTOMER[mood][lang], random.int(2, 3), VOCAB, slots);
  if (source === 'review') return { ...page(say(REVIEW_TITLES[mood][lang]), body), mood };
  if (source === 'forum') return { ...page(say(FORUM_TITLES[lang]), body), mood };
  if (source === 'news') {
    const ours = company === BRAND;
    const [lead = '', ...rest] = sentences(random, (ours ? PRESS : OTHER_PRESS)[lang], 2, VOCAB, slots);
    return { title: lead.replace(/\.$/, ''), text: tidy([lead, ...rest, ...sentences(random, (ours ? PRESS_BODY : OTHER_PRESS_BODY)[lang], 2, VOCAB, slots)]), mood: 'neutral' };
  }
  const title = fill(random, lang === 'fr' ? '{Test|Mon avis} : {la} {product} {après 6 mois|sur le terrain|à la loupe}' : '{product} review: {six months in|in the field}', VOCAB, slots);
  return { ...page(title, body), mood };
}

export function companySpec(ctx: Context, random: Random, total: number, company: Company, storyline: Storyline): StorylineSpec {
  const weights = Array.from({ length: ctx.timeline.days }, (_, d) => weekFactor(ctx.timeline.weekday(d), 'outdoor'));
  const outletWeight = { micro: 1, social: 1, review: 4, forum: 1.5, blog: 1.2, video: 1.5, news: 0.25 } as const;
  const authors = new AuthorPool(ctx.accounts, (a) => {
    if (a.affiliation) return 0;
    const relevant = isOutdoor(a) || (a.kind === 'media' && a.community2 !== null);
    return relevant ? a.activity * outletWeight[a.outlet] : 0;
  });
  const isBrand = company === BRAND;
  const brandOn = (network: string): number | undefined => ctx.cast.brand.find((b) => ctx.accounts[b]?.network === network);
  return {
    storyline,
    counts: dailyCounts(random, total, weights),
    mix: { reply: 0.12, reshare: 0.12, quote: 0.04 },
    authors: () => authors,
    original: (r, author) => companyPost(r, company, author, moodOf(r)),
    reply(r, author, target) {
      const slots = companySlots(r, company, author, author.lang);
      const bank = target.source_type === 'forum' ? CUSTOMER[moodOf(r)][author.lang] : [...CUSTOMER.neutral[author.lang], ...(author.lang === 'fr' ? ['Pareil pour moi.', 'Ah mince, tu as contacté le SAV ?', 'Bon à savoir, merci !'] : ['Same here.', 'Good to know, thanks!'])];
      return fill(r, r.pick(bank), VOCAB, slots);
    },
    quote: (r, author) => fill(r, r.pick(CUSTOMER[moodOf(r)][author.lang]), VOCAB, companySlots(r, company, author, author.lang)),
    onOriginal: isBrand
      ? (r, mention, post) => {
          const author = ctx.accounts[mention.author] as DemoAccount;
          const brand = brandOn(author.network);
          if (brand === undefined || mention.source_type !== 'microblog') return;
          const lang = author.lang;
          if (post.mood === 'negative' && r.chance(0.6)) {
            const at = Math.min(mention.published_at + r.exponential(3 * HOUR) + 10 * 60_000, ctx.timeline.now - 1);
            emit(ctx, r, { author: brand, at, storyline, text: sentence(r, BRAND_REPLIES[lang], VOCAB), lang, replyTo: mention });
          } else if (post.mood === 'positive' && r.chance(0.12)) {
            const at = Math.min(mention.published_at + r.exponential(6 * HOUR) + 10 * 60_000, ctx.timeline.now - 1);
            emit(ctx, r, { author: brand, at, storyline, text: fill(r, r.pick(BRAND_THANKS[lang]), VOCAB, productSlots(r.pick(BRAND.products), lang)), lang, replyTo: mention });
          }
        }
      : undefined,
  };
}

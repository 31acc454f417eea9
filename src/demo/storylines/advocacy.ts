// The brand's own voice and its people's (seed 004: every employee an account): the brand
// posts tips, products and old blog articles ("à relire sur le blog", what Publish's
// evergreen recycling automates); employees and ambassadors post about their work and their
// outings (#TeamCimes) and reshare the brand — the advocacy reach Spread measures.
import { BRAND } from '../brand.ts';
import { VOCABULARY } from '../data/chatter.ts';
import { BRAND_POSTS, CUSTOMER, STAFF_POSTS, TIPS } from '../data/brand-talk.ts';
import type { ArticleRow } from '../model.ts';
import { AuthorPool, type Context, type StorylineSpec } from '../mentions.ts';
import type { Random } from '../random.ts';
import { fill, type Vocabulary } from '../texts.ts';
import { dailyCounts, weekFactor } from '../timeline.ts';
import { companySlots } from './brand-talk.ts';

const VOCAB: Vocabulary = { ...VOCABULARY, ...TIPS };

export function advocacySpec(ctx: Context, random: Random, total: number, articles: readonly ArticleRow[]): StorylineSpec {
  const weights = Array.from({ length: ctx.timeline.days }, (_, d) => weekFactor(ctx.timeline.weekday(d), 'work'));
  // The brand writes about a fifth of the originals; its blog account (the articles) does not post here.
  const staffActivity = ctx.accounts.reduce((sum, a) => sum + (a.affiliation === 'employee' || a.affiliation === 'ambassador' ? a.activity : 0), 0);
  const authors = new AuthorPool(ctx.accounts, (a) => {
    if (a.affiliation === 'brand') return a.network === 'web' ? 0 : (staffActivity * 0.25) / (a.index === ctx.cast.brandMain ? 1.6 : 4);
    return a.affiliation === 'employee' || a.affiliation === 'ambassador' ? a.activity : 0;
  });
  const past = articles.filter((a) => a.published_at < ctx.timeline.now);
  return {
    storyline: 'advocacy',
    counts: dailyCounts(random, total, weights),
    mix: { reply: 0.05, reshare: 0.35, quote: 0.05 },
    authors: () => authors,
    original(r, author) {
      const lang = author.lang;
      const slots = companySlots(r, BRAND, author, lang);
      if (author.affiliation === 'brand') {
        const article = r.pick(past);
        return { text: fill(r, r.pick(BRAND_POSTS[lang]), VOCAB, { ...slots, article: article?.title ?? '', url: article?.url ?? '' }), lang };
      }
      if (author.affiliation === 'employee') return { text: fill(r, r.pick(STAFF_POSTS[lang]), VOCAB, slots) };
      return { text: `${fill(r, r.pick(CUSTOMER.positive[lang]), VOCAB, slots)} #TeamCimes` };
    },
    reply: (r, author) => r.pick(author.lang === 'fr' ? ['Bravo à toute l’équipe 👏', 'Trop bien !', 'Merci pour le conseil !', 'Hâte de tester !'] : ['Well done team 👏', 'Great tip, thanks!']),
    quote: (r, author) => fill(r, r.pick(author.lang === 'fr' ? ['Fier·e de mon équipe {emoji}', 'À lire 👇', 'On vous attend en magasin à {city} !'] : ['Proud of my team {emoji}', 'Worth a read 👇']), VOCAB),
  };
}

// The brand's old blog: 120 articles over the past three years, with categories and tags, for
// Publish's evergreen recycling (seed 004's Tweet Old Post: age window, excluded categories,
// hashtags from categories). Announcements and events are dated content a recycler must skip.
import { BRAND } from './brand.ts';
import { VOCABULARY } from './data/chatter.ts';
import { DAY, type ArticleRow } from './model.ts';
import type { Random } from './random.ts';
import { fill, urlSlug, type Vocabulary } from './texts.ts';
import { productSlots } from './storylines/brand-talk.ts';

export const ARTICLES = 120;

const CATEGORIES: Record<string, { titles: readonly string[]; tags: readonly string[] }> = {
  Conseils: {
    titles: ['Comment {entretenir|laver|réimperméabiliser} {votre} {product}', '5 conseils pour {votre première sortie en montagne|bien préparer un bivouac|randonner sous la pluie}', 'Bien choisir {votre} {product}', 'Les erreurs à éviter en {ski de randonnée|trail|alpinisme}', 'Préparer son sac pour {trek}'],
    tags: ['conseils', 'sécurité', 'randonnée', 'alpinisme', 'trail', 'bivouac', 'ski de rando', 'entretien'],
  },
  Récits: {
    titles: ['{trek} : le récit de notre ambassadrice', 'Une semaine à {crag} avec l’équipe', 'Sur {peak}, par la voie normale', 'Traversée hivernale : carnet de route'],
    tags: ['récit', 'ambassadeurs', 'voyage', 'GR20', 'Alpes', 'Pyrénées'],
  },
  Produits: {
    titles: ['Nouveau : {la} {product}', 'Dans les coulisses de la conception {du} {product}', 'Pourquoi nous avons repensé {la} {product}', 'Test terrain : {la} {product} à {crag}'],
    tags: ['nouveauté', 'test', 'conception', 'R&D', 'matériel'],
  },
  Entretien: {
    titles: ['Réparer plutôt que jeter : notre atelier', 'Combien de temps dure une veste de montagne ?', 'Le programme de reprise {Cimes|de matériel} : bilan'],
    tags: ['réparation', 'durabilité', 'seconde main', 'entretien'],
  },
  Coulisses: {
    titles: ['Une journée au magasin {deCity}', 'Rencontre avec notre équipe R&D', 'Notre atelier d’Annecy en images', 'Ils ont rejoint l’équipe cette année'],
    tags: ['équipe', 'Annecy', 'coulisses', 'emploi'],
  },
  Événements: {
    titles: ['Rendez-vous au festival du film de montagne {deCity}', 'Venez grimper avec nous à {crag} le {12|19|26} juin', 'Soirée projection au magasin {deCity}'],
    tags: ['événement', 'rencontre', 'festival'],
  },
  Annonces: {
    titles: ['Soldes d’été : jusqu’à -30 %', 'Ouverture de notre magasin {deCity}', 'Horaires des fêtes de fin d’année', 'Changement de transporteur : ce qui change pour vous'],
    tags: ['annonce', 'magasin', 'soldes'],
  },
};
const DATED = new Set(['Événements', 'Annonces']);
const WEIGHTS: Record<string, number> = { Conseils: 30, Récits: 20, Produits: 18, Entretien: 10, Coulisses: 10, Événements: 6, Annonces: 6 };

export function generateArticles(random: Random, now: number): ArticleRow[] {
  const names = Object.keys(CATEGORIES);
  const weights = names.map((n) => WEIGHTS[n] ?? 1);
  const vocabulary: Vocabulary = VOCABULARY;
  const used = new Set<string>();
  const rows: ArticleRow[] = [];
  for (let i = 0; i < ARTICLES; i += 1) {
    const category = random.weighted(names, weights);
    const spec = CATEGORIES[category] as (typeof CATEGORIES)[string];
    const product = random.pick(BRAND.products);
    const slots = productSlots(product, 'fr');
    const title = fill(random, random.pick(spec.titles), vocabulary, slots).replace(/^./, (c) => c.toUpperCase());
    const published = now - random.int(1, 3 * 365) * DAY - random.int(6, 20) * 3_600_000;
    const date = new Date(published).toISOString();
    let slug = urlSlug(title);
    while (used.has(slug)) slug = `${urlSlug(title)}-${random.int(2, 99)}`;
    used.add(slug);
    const categories = random.chance(0.2) ? [category, random.pick(names.filter((n) => n !== category))] : [category];
    rows.push({
      url: `https://${BRAND.domain}/blog/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}`,
      title,
      summary: fill(random, random.pick(['{Conseils|Retours|Idées} de notre équipe pour profiter de la montagne en sécurité.', 'Ce que nous avons appris sur le terrain, avec nos ambassadeurs.', 'Tout ce qu’il faut savoir, en cinq minutes de lecture.', 'Photos, carnets et astuces de l’équipe Cimes & Sentiers.']), vocabulary),
      published_at: published,
      categories: JSON.stringify(categories),
      tags: JSON.stringify(random.sample(spec.tags, random.int(2, 4))),
      // Events and announcements are dated: three weeks after the article (no random draw, so the
      // rest of the world is unchanged).
      event_at: DATED.has(category) ? published + 21 * DAY : null,
    });
  }
  return rows.sort((a, b) => a.published_at - b.published_at);
}

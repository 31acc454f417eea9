// The fictional cast the demo world revolves around: the brand, its competitors, the scandal's
// people, and the workspace, topics and users built from them. Every name here is invented.
import type { DemoUser, DemoWorkspace, TopicRow } from './model.ts';

export interface Company {
  name: string;
  /** Short name used in texts ("Cimes"). */
  short: string;
  domain: string;
  /** Handle per network: x is the main account. */
  handles: { x: string; mastodon: string; bluesky: string; web: string };
  products: readonly Product[];
}

/** A product: its French name, the French gender and number of that name, its English name. */
export type Product = readonly [fr: string, gender: 'f' | 'm' | 'fp' | 'mp', en: string];

export const BRAND: Company = {
  name: 'Cimes & Sentiers',
  short: 'Cimes',
  domain: 'cimes-sentiers.fr',
  handles: { x: 'cimes', mastodon: 'cimes@piaille.fr', bluesky: 'cimes-sentiers.fr', web: 'cimes-sentiers.fr' },
  products: [
    ['veste Cimes Alpha', 'f', 'Cimes Alpha jacket'], ['sac Cimes Vertex 30', 'm', 'Cimes Vertex 30 pack'], ['chaussures Cimes Trek GTX', 'fp', 'Cimes Trek GTX boots'],
    ['doudoune Cimes Névé', 'f', 'Cimes Névé down jacket'], ['baudrier Cimes Aérien', 'm', 'Cimes Aérien harness'], ['tente Cimes Bivouac 2', 'f', 'Cimes Bivouac 2 tent'],
    ['bâtons Cimes Carbon', 'mp', 'Cimes Carbon poles'], ['frontale Cimes Lumen', 'f', 'Cimes Lumen headlamp'],
  ],
};

export const COMPETITORS: readonly Company[] = [
  {
    name: 'Granitek', short: 'Granitek', domain: 'granitek.com',
    handles: { x: 'granitek', mastodon: 'granitek@mastodon.social', bluesky: 'granitek.com', web: 'granitek.com' },
    products: [['veste Granitek Storm', 'f', 'Granitek Storm jacket'], ['sac Granitek Ridge', 'm', 'Granitek Ridge pack'], ['chaussures Granitek Rock', 'fp', 'Granitek Rock shoes']],
  },
  {
    name: 'Loup Gris Équipement', short: 'Loup Gris', domain: 'loupgris.fr',
    handles: { x: 'loupgris', mastodon: 'loupgris@piaille.fr', bluesky: 'loupgris.fr', web: 'loupgris.fr' },
    products: [['polaire Loup Gris Meute', 'f', 'Loup Gris Meute fleece'], ['tente Loup Gris Tanière', 'f', 'Loup Gris Tanière tent'], ['sac Loup Gris Traces', 'm', 'Loup Gris Traces pack']],
  },
  {
    name: 'Névé Outdoor', short: 'Névé', domain: 'neve-outdoor.com',
    handles: { x: 'neve_outdoor', mastodon: 'neve@mastodon.social', bluesky: 'neve-outdoor.com', web: 'neve-outdoor.com' },
    products: [['veste Névé Blizzard', 'f', 'Névé Blizzard jacket'], ['gants Névé Polar', 'mp', 'Névé Polar gloves'], ['chaussures Névé Summit', 'fp', 'Névé Summit boots']],
  },
];

/** The launch (event b): a product, its hashtag, its clip. */
export const LAUNCH = { product: 'Cimes Alpha', hashtag: 'CimesAlpha', clipTitle: 'Cimes Alpha — la veste qui monte avec vous' };

/** The bad buzz (event c): its hashtags. */
export const BAD_BUZZ = { hashtags: ['BoycottCimes', 'CimesArnaque'] };

/**
 * The scandal (event a), in the manner of seed 003's "affaire DSK" but unrelated to anyone
 * real: a minister arrested abroad, with the names the press co-mentions.
 */
export const SCANDAL = {
  name: 'Affaire Delorme',
  hashtag: 'AffaireDelorme',
  subject: 'Bertrand Delorme',
  role: { fr: 'ministre de l’Économie', en: 'French economy minister' },
  place: { fr: 'Genève', en: 'Geneva' },
  coMentioned: ['Élise Marchand', 'Paul Verneuil', 'Anne Castel', 'Fabien Lacroix', 'Hélène Rozier'],
  roles: {
    'Élise Marchand': { fr: 'la présidente', en: 'the President' },
    'Paul Verneuil': { fr: 'son rival', en: 'his rival' },
    'Anne Castel': { fr: 'la juge d’instruction', en: 'the investigating judge' },
    'Fabien Lacroix': { fr: 'son avocat', en: 'his lawyer' },
    'Hélène Rozier': { fr: 'la porte-parole du gouvernement', en: 'the government spokeswoman' },
  } as Record<string, { fr: string; en: string }>,
};

export function workspaceOf(seed: number | string): DemoWorkspace {
  return {
    slug: 'demo',
    name: `${BRAND.name} (démo)`,
    settings: {
      demo: { seed: String(seed) },
      brand: { name: BRAND.name, domain: BRAND.domain, handles: BRAND.handles },
      competitors: COMPETITORS.map((c) => ({ name: c.name, domain: c.domain, handles: c.handles })),
      timezone: 'Europe/Paris',
      locale: 'fr',
      languages: ['fr', 'en'],
    },
  };
}

/** Topics as plain boolean text (Listen's query language reads them later). */
export function topicsOf(now: number): TopicRow[] {
  const companyQuery = (c: Company): string =>
    [c.short.toLowerCase().includes(' ') ? `"${c.short.toLowerCase()}"` : c.short.toLowerCase(), `"${c.name.toLowerCase()}"`, `@${c.handles.x}`, `site:${c.domain}`].join(' OR ');
  return [
    { name: BRAND.name, query: `cimes OR "cimes & sentiers" OR @cimes OR #${LAUNCH.hashtag} OR site:${BRAND.domain}`, created_at: now, backfilled_at: null },
    ...COMPETITORS.map((c) => ({ name: c.name, query: companyQuery(c), created_at: now, backfilled_at: null })),
    { name: SCANDAL.name, query: `delorme OR "affaire delorme" OR #${SCANDAL.hashtag}`, created_at: now, backfilled_at: null },
    { name: `Lancement ${LAUNCH.product}`, query: `#${LAUNCH.hashtag} OR "cimes alpha"`, created_at: now, backfilled_at: null },
  ];
}

const ROLES = [
  ['strategist', 'Claire Fontaine'],
  ['manager', 'Hugo Bernard'],
  ['reviewer', 'Inès Moreau'],
  ['member', 'Lucas Girard'],
  ['viewer', 'Sophie Laurent'],
] as const;

/** One user per role; the caller hashes the passwords. */
export function usersOf(): DemoUser[] {
  return ROLES.map(([role, name]) => ({ email: `${role}@demo.relais`, name, role, password: `demo-${role}`, locale: 'fr' }));
}

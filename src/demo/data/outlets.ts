// Invented websites: news titles built from parts, blog names, and the forums, review and video
// sites whose users write the forum, review and video mentions. Any likeness to a real site
// is accidental; the domains are only strings in the database.

export const NEWS_PARTS = {
  fr: {
    heads: ['Le Quotidien', 'L’Écho', 'La Gazette', 'Le Courrier', 'Le Journal', 'La Dépêche', 'Le Réveil', 'La Tribune', 'Le Veilleur', 'L’Observateur', 'Le Petit Matin', 'Les Nouvelles'],
    tails: ['des Alpes', 'du Rhône', 'de Savoie', 'du Matin', 'du Soir', 'National', 'de l’Ouest', 'Éco', 'du Dauphiné', 'Libre', 'de la Montagne', 'du Centre', 'Européen', 'de Provence', 'du Nord'],
  },
  en: {
    heads: ['The Daily', 'The Morning', 'The Evening', 'The Weekly', 'The Alpine', 'The European', 'The Northern'],
    tails: ['Ledger', 'Post', 'Courier', 'Herald', 'Observer', 'Dispatch', 'Gazette', 'Chronicle'],
  },
} as const;

/** Outdoor and tech titles: trade press that the brand's topics meet. */
export const MAGAZINES: readonly { name: string; community: string; lang: 'fr' | 'en' }[] = [
  { name: 'Montagnes Hebdo', community: 'climbing', lang: 'fr' },
  { name: 'Verticales Mag', community: 'climbing', lang: 'fr' },
  { name: 'Trail & Cimes', community: 'trail', lang: 'fr' },
  { name: 'Rando Passion', community: 'hiking', lang: 'fr' },
  { name: 'Poudreuse Magazine', community: 'ski', lang: 'fr' },
  { name: 'Outdoor Business', community: 'marketing', lang: 'fr' },
  { name: 'Numérique & Co', community: 'tech', lang: 'fr' },
  { name: 'Alpine Gear Review', community: 'climbing', lang: 'en' },
  { name: 'Trail Runner Weekly', community: 'trail', lang: 'en' },
  { name: 'Social Media Today FR', community: 'marketing', lang: 'fr' },
];

export const BLOG_NAMES = {
  fr: ['Carnets de {first}', '{first} en montagne', 'Le blog de {first}', 'Sentiers et {thing}', 'Les aventures de {first}', '{first} grimpe', 'Au fil des {thing}', 'Là-haut avec {first}', 'Le cahier de {first}', '{thing} et compagnie'],
  en: ['{first} Outdoors', 'Trails with {first}', '{first} on the Hill', 'The {thing} Journal', 'Notes from {first}', '{first} Goes Up'],
} as const;
export const BLOG_THINGS = {
  fr: ['cimes', 'crêtes', 'bivouacs', 'cordées', 'dénivelés', 'refuges', 'lacs', 'pixels', 'idées', 'réseaux'],
  en: ['Summit', 'Ridge', 'Trailhead', 'Basecamp', 'Switchback', 'Pixel'],
} as const;

/** Forums per community: forum mentions are posts by these sites' users. */
export const FORUMS: Record<string, readonly string[]> = {
  climbing: ['forum.grimpe-libre.fr', 'forum-montagne.fr'],
  trail: ['trail-passion.fr/forum', 'forum-montagne.fr'],
  hiking: ['randonneurs-du-dimanche.fr/forum', 'forum-montagne.fr'],
  ski: ['forum.ski-rando.fr'],
  photo: ['forum.photo-nature.fr'],
  tech: ['forum.dev-libre.fr'],
  press: ['forum.debats-citoyens.fr'],
  marketing: ['forum.communicants.fr'],
  lifestyle: ['forum.debats-citoyens.fr', 'forum.maison-famille.fr'],
  staff: ['forum-montagne.fr'],
};

export const REVIEW_SITE = 'avis-outdoor.fr';
export const VIDEO_SITE = 'videos.altitude.tv';

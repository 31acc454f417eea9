// Accounts that are not people: news sites and magazines (kind 'media'), clubs, shops and
// agencies (kind 'organisation'), and the names of personal blogs.
import type { AccountBuilder, AddAccount } from './accounts.ts';
import type { Community } from './data/communities.ts';
import { BLOG_NAMES, BLOG_THINGS, MAGAZINES, NEWS_PARTS } from './data/outlets.ts';
import type { Lang, Network } from './model.ts';
import { drawLocation, makeHandle, slugify, type Identity } from './people.ts';
import type { Random } from './random.ts';

export function blogName(random: Random, lang: Lang, id: Identity): { name: string; slug: string } {
  const first = id.firstName ?? id.displayName;
  const name = random
    .pick(BLOG_NAMES[lang])
    .replace('{first}', first)
    .replace('{thing}', random.pick(BLOG_THINGS[lang]));
  return { name, slug: slugify(name.replace(/ /g, '-'), '-').replace(/-+/g, '-') };
}

export function newsSite(b: AccountBuilder, community: Community, add: AddAccount): number {
  const { random } = b;
  const magazine = community.id !== 'press' && community.id !== 'lifestyle' ? MAGAZINES.find((m) => m.community === community.id && !b.taken.has(`web:${slugify(m.name.replace(/ /g, '-'), '-')}.fr`)) : undefined;
  const lang: Lang = magazine?.lang ?? (random.chance(0.8) ? 'fr' : 'en');
  const parts = NEWS_PARTS[lang];
  const name = magazine?.name ?? `${random.pick(parts.heads)} ${random.pick(parts.tails)}`;
  const slug = slugify(name.replace(/[ ’']/g, '-'), '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const handle = makeHandle(random, 'web', slug, b.taken);
  const location = drawLocation(random);
  return add(b, {
    network: 'web', handle, display_name: name,
    bio: lang === 'fr' ? `${name} : l’actualité ${magazine ? 'de votre passion' : 'en continu'}, analyses et enquêtes.` : `${name}: news, analysis and investigations.`,
    location: location.text, country: location.country, kind: 'media', gender: null, gender_p: null, affiliation: null, team: null,
    community: magazine ? community.id : 'press', community2: magazine ? null : community.id, lang, sex: null, firstName: null,
    outlet: 'news', activity: 6 * random.pareto(1, 1.5), attraction: 12 * random.pareto(1, 1.2), skills: [],
  });
}

const ORGANISATIONS: Record<string, readonly string[]> = {
  climbing: ['Club Alpin de {city}', 'Salle de bloc {city}', 'Grimpe {city}'],
  trail: ['Les Traileurs de {city}', '{city} Trail Club', 'Ultra {city}'],
  hiking: ['Rando Club {city}', 'Les Marcheurs de {city}', 'Office de tourisme de {city}'],
  ski: ['Ski Club {city}', 'École de ski {city}'],
  photo: ['Collectif Photo {city}', 'Festival du film de montagne de {city}'],
  tech: ['{city} Tech Meetup', 'Agence Pixel {city}', 'Coopérative numérique {city}'],
  press: ['Association des journalistes de {city}', 'Observatoire de la vie publique'],
  marketing: ['Agence Relais {city}', 'Agence Influence {city}', 'Club des communicants de {city}'],
  lifestyle: ['Médiathèque de {city}', 'Les Amis de {city}', 'Association Quartier {city}'],
};

export function organisationName(b: AccountBuilder, community: Community, add: AddAccount, network: Network): number {
  const { random } = b;
  const location = drawLocation(random);
  const city = location.place?.city ?? 'Lyon';
  const name = random.pick(ORGANISATIONS[community.id] ?? ORGANISATIONS.lifestyle ?? []).replace('{city}', city);
  const handle = makeHandle(random, network, slugify(name).slice(0, 14), b.taken);
  return add(b, {
    network, handle, display_name: name,
    bio: `${name}. ${random.pick(['Actus, sorties et rendez-vous.', 'Infos pratiques et événements.', 'Rejoignez-nous !', 'Bénévoles bienvenus.'])}`,
    location: location.text ?? city, country: location.country ?? 'FR', kind: 'organisation', gender: null, gender_p: null, affiliation: null, team: null,
    community: community.id, community2: null, lang: location.place?.lang ?? 'fr', sex: null, firstName: null,
    outlet: random.chance(0.3) ? 'social' : 'micro', activity: 2 * random.pareto(1, 1.5), attraction: 4 * random.pareto(1, 1.3), skills: [],
  });
}

// Who a person is: a first name drawn with its real frequency (and the sex that goes with it),
// a surname, a place, a handle per network, a display name and a bio with skills. Pure: all
// randomness comes from the injected generator.
import { FIRST_NAMES_EN, FIRST_NAMES_FR, type FirstName } from './data/first-names.ts';
import { PLACES, VAGUE_LOCATIONS, type Place } from './data/places.ts';
import { SURNAMES_EN, SURNAMES_FR } from './data/surnames.ts';
import { aliasTable, type AliasTable, type Random } from './random.ts';
import type { Lang, Network } from './model.ts';

/** Below this share of the majority sex a first name does not tell the gender. */
export const GENDER_CONFIDENCE = 0.9;

const firstNameTables = {
  fr: aliasTable(FIRST_NAMES_FR.map((n) => n[1])),
  en: aliasTable(FIRST_NAMES_EN.map((n) => n[1])),
};
const placeTable = aliasTable(PLACES.map((p) => p.weight));

export interface Identity {
  firstName: string | null;
  surname: string | null;
  sex: 'f' | 'm';
  /** What a reader can infer from the first name: the column values. */
  gender: 'f' | 'm' | null;
  genderP: number | null;
  displayName: string;
  /** Lower-case ASCII seed for handles ("julie.martin"). */
  slug: string;
}

/** ASCII lower case without accents or symbols: "Hélène d'Arc" → "helenedarc". */
export function slugify(text: string, keep = ''): string {
  const allowed = new RegExp(`[^a-z0-9${keep}]`, 'g');
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(allowed, '');
}

export function inferGender(name: FirstName | undefined): { gender: 'f' | 'm' | null; genderP: number | null } {
  if (!name) return { gender: null, genderP: null };
  const share = name[2];
  if (share >= GENDER_CONFIDENCE) return { gender: 'f', genderP: share };
  if (1 - share >= GENDER_CONFIDENCE) return { gender: 'm', genderP: Number((1 - share).toFixed(3)) };
  return { gender: null, genderP: null };
}

const PSEUDO_PARTS = {
  fr: [['Grimpeur', 'Marmotte', 'Chamois', 'Bouquetin', 'Caillou', 'Névé', 'Sentier', 'Bivouac', 'Gypaète', 'Lapiaz'], ['Fou', 'Libre', 'Alpin', 'Nomade', 'Perché', 'Curieux', 'Sauvage', 'du Dimanche']],
  en: [['Trail', 'Summit', 'Granite', 'Peak', 'Boulder', 'Ridge', 'Scree', 'Alpine'], ['Addict', 'Wanderer', 'Rat', 'Hound', 'Seeker', 'Nomad', 'Bum']],
} as const;

/** A person; `pseudonymP` of them hide behind a pseudonym (their gender cannot be read). */
export function drawIdentity(random: Random, lang: Lang, pseudonymP = 0.1): Identity {
  const names = lang === 'fr' ? FIRST_NAMES_FR : FIRST_NAMES_EN;
  const table: AliasTable = firstNameTables[lang];
  const name = names[table.draw(random)] as FirstName;
  const sex: 'f' | 'm' = random.chance(name[2]) ? 'f' : 'm';
  const surnames = lang === 'fr' ? SURNAMES_FR : SURNAMES_EN;
  const surname = surnames[random.zipf(surnames.length, 0.9) - 1] as string;
  if (random.chance(pseudonymP)) {
    const parts = PSEUDO_PARTS[lang];
    const pseudo = `${random.pick(parts[0])}${random.pick(parts[1]).replace(/ /g, '')}${random.chance(0.5) ? random.int(1, 99) : ''}`;
    return { firstName: null, surname: null, sex, gender: null, genderP: null, displayName: pseudo, slug: slugify(pseudo) };
  }
  const first = name[0];
  const style = random.next();
  const displayName =
    style < 0.7 ? `${first} ${surname}` : style < 0.85 ? `${first} ${surname[0]}.` : style < 0.93 ? `${first} ${surname.toUpperCase()}` : `${first} 🏔️`;
  const slug = style < 0.5 ? `${slugify(first)}${slugify(surname)}` : style < 0.8 ? `${slugify(first)}_${slugify(surname)}` : `${slugify(first)[0]}${slugify(surname)}`;
  return { firstName: first, surname, sex, ...inferGender(name), displayName, slug };
}

export interface Location {
  place: Place | null;
  text: string | null;
  country: string | null;
}

/** A profile location: 80 % a real place (in one of its spellings), the rest empty or vague. */
export function drawLocation(random: Random, near?: readonly string[]): Location {
  const r = random.next();
  if (r < 0.13) return { place: null, text: null, country: null };
  if (r < 0.19) return { place: null, text: random.pick(VAGUE_LOCATIONS), country: null };
  const city = near && random.chance(0.8) ? random.pick(near) : null;
  const chosen = ((city && PLACES.find((p) => p.city === city)) || PLACES[placeTable.draw(random)]) as Place;
  return { place: chosen, text: random.pick(chosen.forms), country: chosen.country };
}

/** The language people of a place write in (only French and English are generated). */
export function langOf(random: Random, location: Location): Lang {
  if (!location.place) return random.chance(0.85) ? 'fr' : 'en';
  return random.chance(0.92) ? location.place.lang : location.place.lang === 'fr' ? 'en' : 'fr';
}

const INSTANCES = ['mastodon.social', 'piaille.fr', 'mamot.fr', 'framapiaf.org', 'mastodon.online', 'social.coop'];

/** A handle shaped for its network; `taken` keeps (network, handle) unique. */
export function makeHandle(random: Random, network: Network, slug: string, taken: Set<string>, webHost?: string): string {
  const base = slug.slice(0, 20) || 'compte';
  for (let attempt = 0; ; attempt += 1) {
    const suffix = attempt === 0 ? '' : attempt < 3 ? String(random.int(1, 99)) : String(random.int(100, 99_999));
    let handle: string;
    if (network === 'x') handle = `${base.slice(0, 15 - suffix.length)}${suffix}`;
    else if (network === 'mastodon') handle = `${base}${suffix}@${random.pick(INSTANCES)}`;
    else if (network === 'bluesky') handle = `${base}${suffix}.bsky.social`;
    else handle = webHost ? `${webHost}/u/${base}${suffix}` : `${base}${suffix}.fr`;
    const key = `${network}:${handle}`;
    if (!taken.has(key)) {
      taken.add(key);
      return handle;
    }
  }
}

export function profileUrl(network: Network, handle: string): string {
  if (network === 'x') return `https://x.com/${handle}`;
  if (network === 'bluesky') return `https://bsky.app/profile/${handle}`;
  if (network === 'mastodon') {
    const [user, host] = handle.split('@');
    return `https://${host}/@${user}`;
  }
  return `https://${handle}`;
}

/** A bio: a title, two to four skills and a touch of personality, in the account's language. */
export function drawBio(random: Random, lang: Lang, sex: 'f' | 'm', title: readonly [string, string, string], skills: readonly string[], extra?: string): string {
  const who = lang === 'fr' ? (sex === 'f' ? title[0] : title[1]) : title[2];
  const list = skills.join(lang === 'fr' ? ', ' : ' · ');
  const flourish = random.pick(
    lang === 'fr'
      ? ['', '', 'Les avis n’engagent que moi.', 'Café, cartes IGN et sommets.', 'Toujours partant·e pour une sortie.', 'Ici pour apprendre.', 'Je réponds aux MP.']
      : ['', '', 'Views my own.', 'Coffee, maps and summits.', 'Always up for an adventure.', 'Here to learn.', 'DMs open.'],
  );
  const skillsPart = lang === 'fr' ? random.pick([`Passions : ${list}.`, `${list}.`, `J’aime : ${list}.`]) : random.pick([`Into ${list}.`, `${list}.`, `Loves ${list}.`]);
  return [extra, `${who}.`, skillsPart, flourish].filter(Boolean).join(' ');
}

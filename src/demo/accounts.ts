// Everyone in the world: the brand's accounts, its competitors, 250 employees, 40 ambassadors,
// the influential author of the bad buzz, news sites, organisations and ordinary people spread
// over communities. Followers and following are filled later from the graph (graph.ts).
import { BRAND, COMPETITORS, type Company } from './brand.ts';
import { COMMUNITIES, RARE_SKILLS, STAFF_COMMUNITY, TEAMS, type Community } from './data/communities.ts';
import { FORUMS, REVIEW_SITE, VIDEO_SITE } from './data/outlets.ts';
import { type DemoAccount, type Lang, type Network, type Outlet, DAY } from './model.ts';
import { drawBio, drawIdentity, drawLocation, langOf, makeHandle, profileUrl, type Identity, type Location } from './people.ts';
import { aliasTable, type Random } from './random.ts';
import { blogName, newsSite, organisationName } from './sites.ts';

export const EMPLOYEES = 250;
export const AMBASSADORS = 40;

/** Indexes of the accounts the storylines need by role. */
export interface Cast {
  brand: number[];
  /** The brand's main account (x). */
  brandMain: number;
  competitors: number[];
  employees: number[];
  ambassadors: number[];
  badBuzzAuthor: number;
}

const communityTable = aliasTable(COMMUNITIES.map((c) => c.share));
const teamTable = aliasTable(TEAMS.map((t) => t.share));
const EMPLOYEE_CITIES = ['Annecy', 'Annecy', 'Annecy', 'Lyon', 'Paris', 'Grenoble', 'Chamonix', 'Chambéry', 'Marseille', 'Toulouse'];

interface Builder {
  random: Random;
  now: number;
  taken: Set<string>;
  accounts: DemoAccount[];
}

function createdAt(random: Random, network: Network, now: number): number {
  const from = network === 'bluesky' ? Date.UTC(2023, 3, 1) : network === 'mastodon' ? Date.UTC(2017, 3, 1) : Date.UTC(2008, 0, 1);
  const to = now - 90 * DAY;
  // Skewed towards recent years: more accounts were opened lately.
  return Math.round(from + (to - from) * Math.sqrt(random.next()));
}

function microNetwork(random: Random): Network {
  const r = random.next();
  return r < 0.45 ? 'x' : r < 0.75 ? 'mastodon' : 'bluesky';
}

function add(b: Builder, row: Omit<DemoAccount, 'index' | 'followers' | 'following' | 'profile_url' | 'created_at'> & { created_at?: number }): number {
  const index = b.accounts.length;
  b.accounts.push({
    ...row,
    index,
    followers: 0,
    following: 0,
    profile_url: profileUrl(row.network as Network, row.handle),
    created_at: row.created_at ?? createdAt(b.random, row.network as Network, b.now),
  });
  return index;
}

function companyAccounts(b: Builder, company: Company, affiliation: 'brand' | 'competitor', community: string, attraction: number): number[] {
  const networks: Network[] = affiliation === 'brand' ? ['x', 'mastodon', 'bluesky', 'web'] : ['x'];
  return networks.map((network, i) => {
    b.taken.add(`${network}:${company.handles[network]}`);
    return add(b, {
      network, handle: company.handles[network], display_name: company.name,
      bio: affiliation === 'brand'
        ? 'Équipement de montagne conçu à Annecy depuis 1998. Réparable, garanti, testé par nos ambassadeurs.'
        : `${company.name} — équipement outdoor.`,
      location: affiliation === 'brand' ? 'Annecy, France' : 'France', country: 'FR', kind: 'organisation', gender: null, gender_p: null,
      affiliation, team: null, community, community2: null, lang: 'fr', sex: null, firstName: null,
      outlet: network === 'web' ? 'blog' : 'micro', activity: 6, attraction: attraction / (i + 1), skills: [],
      created_at: Date.UTC(2010 + i, 2, 1),
    });
  });
}

function person(b: Builder, options: {
  community: Community | null; community2?: string | null; lang?: Lang; location?: Location; outlet?: Outlet; network?: Network;
  affiliation?: 'employee' | 'ambassador' | null; team?: string | null; skills: (lang: Lang) => string[]; bioExtra?: string; attraction: number; activity: number;
  title?: readonly [string, string, string];
}): number {
  const { random } = b;
  const location = options.location ?? drawLocation(random);
  const lang = options.lang ?? langOf(random, location);
  const id: Identity = drawIdentity(random, lang, options.affiliation ? 0.02 : 0.1);
  const outlet = options.outlet ?? 'micro';
  const network: Network = options.network ?? (outlet === 'micro' || outlet === 'social' ? microNetwork(random) : 'web');
  let host: string | undefined;
  if (outlet === 'forum') host = random.pick(FORUMS[options.community?.id ?? 'lifestyle'] ?? ['forum-montagne.fr']);
  if (outlet === 'review') host = REVIEW_SITE;
  if (outlet === 'video') host = VIDEO_SITE;
  const blog = outlet === 'blog' ? blogName(random, lang, id) : null;
  const handle = makeHandle(random, network, blog ? blog.slug : id.slug, b.taken, host);
  const title = options.title ?? random.pick(options.community?.titles ?? [['Passionnée', 'Passionné', 'Enthusiast']]);
  const skills = options.skills(lang);
  return add(b, {
    network, handle, display_name: blog ? `${blog.name} — ${id.displayName}` : id.displayName,
    bio: drawBio(random, lang, id.sex, title, skills, options.bioExtra), location: location.text, country: location.country,
    kind: 'person', gender: id.gender, gender_p: id.genderP, affiliation: options.affiliation ?? null, team: options.team ?? null,
    community: options.community?.id ?? STAFF_COMMUNITY, community2: options.community2 ?? null, lang, sex: id.sex, firstName: id.firstName,
    outlet, activity: options.activity, attraction: options.attraction, skills,
  });
}

function skillsOf(random: Random, community: Community, lang: Lang, count: number): string[] {
  const picked = random.sample(community.skills, count).map((s) => (lang === 'fr' ? s[0] : s[1]));
  if (random.chance(0.12)) picked.push(lang === 'fr' ? random.pick(RARE_SKILLS)[0] : random.pick(RARE_SKILLS)[1]);
  return picked;
}

const OUTLETS: readonly Outlet[] = ['micro', 'blog', 'forum', 'review', 'video', 'social'];
const OUTLET_WEIGHTS = [0.84, 0.06, 0.055, 0.02, 0.01, 0.015];

export function generateAccounts(random: Random, total: number, now: number): { accounts: DemoAccount[]; cast: Cast } {
  const b: Builder = { random, now, taken: new Set(), accounts: [] };
  const outdoor = COMMUNITIES.filter((c) => c.outdoor);
  const brand = companyAccounts(b, BRAND, 'brand', STAFF_COMMUNITY, 400);
  const competitors = COMPETITORS.flatMap((c, i) => companyAccounts(b, c, 'competitor', (outdoor[i] as Community).id, 120 / (i + 1)));

  const employees: number[] = [];
  for (let i = 0; i < EMPLOYEES; i += 1) {
    const team = TEAMS[teamTable.draw(random)] ?? (TEAMS[0] as (typeof TEAMS)[number]);
    const location = drawLocation(random, EMPLOYEE_CITIES);
    const lang: Lang = random.chance(0.95) ? 'fr' : 'en';
    const skills = (l: Lang) => random.sample(team.skills, random.int(1, 3)).map((s) => (l === 'fr' ? s[0] : s[1]));
    const second = random.chance(0.7) ? random.pick(outdoor).id : null;
    const teamLabel = team.id === 'r&d' ? 'R&D' : team.id;
    employees.push(person(b, {
      community: null, community2: second, lang, location, affiliation: 'employee', team: team.id, skills,
      bioExtra: lang === 'fr' ? `Équipe ${teamLabel} chez @cimes.` : `${teamLabel} team at @cimes.`,
      title: ['Salariée', 'Salarié', 'Employee'], attraction: random.pareto(1, 1.6), activity: random.pareto(0.6, 1.5),
    }));
  }
  const ambassadors: number[] = [];
  for (let i = 0; i < AMBASSADORS; i += 1) {
    const community = outdoor[i % outdoor.length] as Community;
    const lang: Lang = random.chance(0.85) ? 'fr' : 'en';
    ambassadors.push(person(b, {
      community, community2: STAFF_COMMUNITY, lang, affiliation: 'ambassador', skills: (l) => skillsOf(random, community, l, 3),
      bioExtra: lang === 'fr' ? 'Ambassadeur·rice @cimes.' : 'Proud @cimes ambassador.',
      attraction: 8 * random.pareto(1, 1.5), activity: 3 * random.pareto(1, 2),
    }));
  }
  // The bad buzz's author: a mountain video-maker with a large audience and no tie to the brand.
  const climbing = outdoor[0] as Community;
  const badBuzzAuthor = person(b, {
    community: climbing, community2: 'hiking', lang: 'fr', location: { place: null, text: 'Chamonix-Mont-Blanc', country: 'FR' },
    network: 'x', skills: () => ['alpinisme', 'vidéo', 'tests de matériel'], title: ['Vidéaste montagne', 'Vidéaste montagne', 'Mountain filmmaker'],
    attraction: 600, activity: 4,
  });

  const rest = total - b.accounts.length;
  for (let i = 0; i < rest; i += 1) {
    const r = random.next();
    const community = COMMUNITIES[communityTable.draw(random)] as Community;
    if (r < 0.05) {
      newsSite(b, community, add);
    } else if (r < 0.08) {
      organisationName(b, community, add, microNetwork(random));
    } else {
      const outlet = OUTLETS[random.weightedIndex(OUTLET_WEIGHTS)] as Outlet;
      const second = random.chance(0.08) ? (COMMUNITIES[communityTable.draw(random)] as Community).id : null;
      person(b, {
        community, community2: second === community.id ? null : second, outlet, skills: (l) => skillsOf(random, community, l, random.int(1, 3)),
        attraction: random.pareto(1, 1.25) * (outlet === 'micro' ? 1 : 2), activity: random.pareto(0.5, 1.4) * (outlet === 'micro' ? 1 : 1.5),
      });
    }
  }
  return { accounts: b.accounts, cast: { brand, brandMain: brand[0] as number, competitors, employees, ambassadors, badBuzzAuthor } };
}

export type AddAccount = typeof add;
export type AccountBuilder = Builder;

// The contest, in the style of seed 002's WidiWici "Grosse Journée": win challenges, earn points
// between two dates, and the more points, the better one's chance in the prize draw for a big
// day out (ski on the Tignes glacier, rafting at Bourg-Saint-Maurice, paragliding over the lake
// of Annecy). It runs across the world's "now", so the demo shows a live leaderboard.
import { LAUNCH } from './brand.ts';
import { DAY, type ChallengeRow } from './model.ts';
import { parisOffset } from './timeline.ts';

export const CONTEST = {
  name: 'La Grande Journée Cimes',
  prize: 'Une journée : ski sur le glacier de Tignes, rafting à Bourg-Saint-Maurice, parapente au-dessus du lac d’Annecy.',
  /** Days relative to now. */
  from: -14,
  to: 21,
};

type Spec = Omit<ChallengeRow, 'starts_at' | 'ends_at' | 'timezone' | 'created_at'> & { from?: number; to?: number };

const CHALLENGES: readonly Spec[] = [
  { name: 'Partage le clip #CimesAlpha', description: 'Partage le clip de lancement de la Cimes Alpha avec un mot à toi.', action: JSON.stringify({ type: 'share', hashtag: LAUNCH.hashtag }), points: JSON.stringify({ fixed: 10 }), eligibility: JSON.stringify(['employee', 'ambassador', 'public']), per_person_limit: 1 },
  { name: 'Ta plus belle sortie #TeamCimes', description: 'Publie une photo de ta sortie avec #TeamCimes : sommet, bivouac ou simple balade.', action: JSON.stringify({ type: 'hashtag', hashtag: 'TeamCimes' }), points: JSON.stringify({ fixed: 20 }), eligibility: JSON.stringify(['employee', 'ambassador', 'public']), per_person_limit: 5 },
  { name: 'Ramène des lecteurs au blog', description: 'Chaque clic sur ton lien court vers le blog rapporte un point.', action: JSON.stringify({ type: 'clicks' }), points: JSON.stringify({ perUnit: 1, cap: 200 }), eligibility: JSON.stringify(['employee', 'ambassador']), per_person_limit: null },
  { name: 'Fais grandir la cordée', description: 'Cinq points par nouvel abonné que tu amènes au compte @cimes.', action: JSON.stringify({ type: 'follower', account: 'cimes' }), points: JSON.stringify({ perUnit: 5, cap: 100 }), eligibility: JSON.stringify(['ambassador', 'public']), per_person_limit: null },
  { name: 'Aide un·e randonneur·se sur le forum', description: 'Réponds à une question sur un forum de montagne, lien à l’appui.', action: JSON.stringify({ type: 'forum' }), points: JSON.stringify({ fixed: 15 }), eligibility: JSON.stringify(['employee', 'ambassador', 'public']), per_person_limit: 10 },
  { name: 'Défi loufoque : bivouac sur ton balcon', description: 'Monte ta tente là où personne ne l’attend, et prouve-le en photo. Validé par le jury.', action: JSON.stringify({ type: 'manual' }), points: JSON.stringify({ fixed: 50 }), eligibility: JSON.stringify(['employee', 'ambassador', 'public']), per_person_limit: 1, from: 0, to: 7 },
];

export function generateChallenges(now: number): ChallengeRow[] {
  // Midnight in Paris on the contest's first and last days.
  const parisMidnight = (days: number): number => {
    const at = now + days * DAY;
    const local = Math.floor((at + parisOffset(at)) / DAY) * DAY;
    return local - parisOffset(local);
  };
  return CHALLENGES.map(({ from, to, ...spec }) => ({
    ...spec,
    description: `${spec.description} ${CONTEST.name} — ${CONTEST.prize}`,
    starts_at: parisMidnight(from ?? CONTEST.from),
    ends_at: parisMidnight(to ?? CONTEST.to),
    timezone: 'Europe/Paris',
    created_at: parisMidnight(CONTEST.from - 7),
  }));
}

// "Who can help me with X" (seed 000, §4: "les liens faibles qui valent de l'or, ceux qui ont
// les compétences dont vous avez besoin"; §5: a friend who vouches lends her reputation).
// Candidates are the accounts whose skills match the query; each is ranked by
//   score = skillMatch × pathTrust
// where pathTrust is the product of tie strengths along the most trusted introduction path
// from the asker (src/graph/reliable-paths.ts: Dijkstra on −ln strength). The answer shows the
// path (me → the friend who vouches → them) and says why, in words. Pure.
import { pathTo, reliablePaths } from '../graph/index.ts';
import { matchSkill, type SkillMatch, type SkillProfile, type SkillQuery } from './skills.ts';
import type { Ties } from './tie-strength.ts';

export interface HelpOptions {
  limit: number;
  /** Introductions longer than this many hops are not proposed. */
  maxHops: number;
  /** Candidates must match at least this well. */
  minMatch: number;
}

export const DEFAULTS: HelpOptions = { limit: 20, maxHops: 4, minMatch: 0.3 };

export interface HelpCandidate {
  node: number;
  match: SkillMatch;
  pathTrust: number;
  score: number;
  /** Nodes from the asker to the candidate, each with the strength of the tie that reached it (1 for the asker). */
  path: Array<{ node: number; strength: number; strong: boolean }>;
}

/** Ranks the accounts that can help with `query`, as seen from node `from`. */
export function whoCanHelp(ties: Ties, profiles: ReadonlyArray<SkillProfile | undefined>, query: SkillQuery, from: number, options: Partial<HelpOptions> = {}): HelpCandidate[] {
  const { limit, maxHops, minMatch } = { ...DEFAULTS, ...options };
  const paths = reliablePaths(ties.pairs, ties.strength, from, { maxHops });
  const candidates: HelpCandidate[] = [];
  for (let v = 0; v < profiles.length; v++) {
    const profile = profiles[v];
    if (v === from || !profile || paths.reliability[v] === 0) continue;
    const match = matchSkill(profile, query);
    if (match.score < minMatch) continue;
    candidates.push({ node: v, match, pathTrust: paths.reliability[v]!, score: match.score * paths.reliability[v]!, path: [] });
  }
  candidates.sort((a, b) => b.score - a.score || a.node - b.node);
  const top = candidates.slice(0, limit);
  for (const c of top) {
    const nodes = pathTo(paths, c.node);
    c.path = nodes.map((u, i) => {
      if (i === 0) return { node: u, strength: 1, strong: true };
      const prev = nodes[i - 1]!;
      let s = 0, strong = false;
      for (let a = ties.pairs.offsets[prev]!; a < ties.pairs.offsets[prev + 1]!; a++) if (ties.pairs.targets[a] === u) { s = ties.strength[a]!; strong = ties.strong[a] === 1; }
      return { node: u, strength: s, strong };
    });
  }
  return top;
}

const SOURCE_WORDS = {
  en: { tag: 'a tag a teammate gave them', bio: 'their bio', hashtag: 'their hashtags', posts: 'what they post about' },
  fr: { tag: 'une compétence qu\'un collègue leur a attribuée', bio: 'leur bio', hashtag: 'leurs hashtags', posts: 'les sujets de leurs publications' },
} as const;

/** Why a candidate is proposed, in words (English or French); `name(node)` gives "@handle". */
export function explainCandidate(c: HelpCandidate, query: SkillQuery, name: (node: number) => string, lang: 'en' | 'fr' = 'en'): string[] {
  const fr = lang === 'fr';
  const words = SOURCE_WORDS[lang];
  const n = (x: number, digits: number) => x.toFixed(digits).replace('.', fr ? ',' : '.');
  const kind = (strong: boolean) => (fr ? (strong ? 'fort' : 'faible') : strong ? 'strong' : 'weak');
  const why: string[] = [];
  if (c.match.phrase) why.push(fr ? `« ${query.text} » figure dans ${words[c.match.phrase]}.` : `"${query.text}" appears in ${words[c.match.phrase]}.`);
  else for (const e of c.match.evidence) why.push(fr ? `« ${e.word} » correspond à « ${e.found} » dans ${words[e.source]}.` : `"${e.word}" matches "${e.found}" in ${words[e.source]}.`);
  const [me, ...rest] = c.path;
  if (me && rest.length === 1) {
    why.push(fr ? `${name(me.node)} les connaît directement (lien ${kind(rest[0]!.strong)}, force ${n(rest[0]!.strength, 2)}).` : `${name(me.node)} knows them directly (${kind(rest[0]!.strong)} tie, strength ${n(rest[0]!.strength, 2)}).`);
  } else if (me && rest.length > 1) {
    const friend = rest[0]!, last = rest[rest.length - 1]!;
    why.push(fr
      ? `${name(friend.node)} peut se porter garant : un lien ${kind(friend.strong)} de ${name(me.node)} (force ${n(friend.strength, 2)}).`
      : `${name(friend.node)} can vouch: ${friend.strong ? 'a strong' : 'a weak'} tie of ${name(me.node)} (strength ${n(friend.strength, 2)}).`);
    why.push(fr
      ? `${rest.length} pas ; le dernier lien, vers eux, est ${kind(last.strong)} (${n(last.strength, 2)}) ; la confiance du chemin est le produit : ${n(c.pathTrust, 3)}.`
      : `${rest.length} hops; the last tie, to them, is ${kind(last.strong)} (${n(last.strength, 2)}); the path's trust is the product: ${n(c.pathTrust, 3)}.`);
  }
  return why;
}

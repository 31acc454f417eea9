// Map's reads and edits, shared by the HTTP routes and the `relais graph` command: each takes
// the database, a workspace and plain parameters, and returns the shapes of schemas.ts.
import { sql, type Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import type { ListenTables } from '../listen/tables.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { goldenTies } from './communities.ts';
import { explainCandidate, whoCanHelp } from './help.ts';
import { explainInfluence, type ExplainLang } from './influence.ts';
import { kindNames, selectNetwork, type NetworkQuery } from './network.ts';
import type { AccountCardSchema, CommunitiesSchema, HelpSchema, InfluencerRowSchema, InfluencersQuerySchema, NetworkSchema, StatsSchema } from './schemas.ts';
import { parseSkillQuery, skillProfile, type SkillProfile } from './skills.ts';
import type { MapTables } from './tables.ts';
import { weakTieShare } from './tie-strength.ts';
import { analysisState, ensureAnalysis, forgetView, mapView, type AccountInfo, type MapView } from './view.ts';

type Db = Kysely<PlatformTables & ListenTables & MapTables>;
const tables = (db: Kysely<PlatformTables>): Db => db.withTables<ListenTables & MapTables>();

const ref = (a: AccountInfo) => ({ id: a.id, handle: a.handle, displayName: a.displayName, network: a.network, followers: a.followers, affiliation: a.affiliation });

async function accountRefs(db: Db, workspaceId: number, ids: number[]): Promise<Map<number, AccountInfo>> {
  const out = new Map<number, AccountInfo>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.selectFrom('accounts').select(['id', 'handle', 'display_name', 'network', 'followers', 'affiliation']).where('workspace_id', '=', workspaceId).where('id', 'in', ids.slice(i, i + 1000)).execute();
    for (const r of rows) out.set(Number(r.id), { id: Number(r.id), handle: r.handle, displayName: r.display_name, network: r.network, followers: Number(r.followers), affiliation: r.affiliation });
  }
  return out;
}

async function communityLabels(db: Db, workspaceId: number): Promise<Array<{ id: number; size: number; label: string }>> {
  const rows = await db.selectFrom('map_communities').select(['community', 'size', 'label']).where('workspace_id', '=', workspaceId).orderBy('size', 'desc').orderBy('community').execute();
  return rows.map((r) => ({ id: Number(r.community), size: Number(r.size), label: r.label }));
}

/** The network explorer's nodes and edges. */
export async function readNetwork(platformDb: Kysely<PlatformTables>, workspaceId: number, query: NetworkQuery & { focusAccount?: number }, now: number): Promise<z.infer<typeof NetworkSchema>> {
  const view = await mapView(platformDb, workspaceId, now);
  let focus: number | undefined;
  if (query.focusAccount !== undefined) {
    focus = view.ties.indexOf.get(query.focusAccount);
    if (focus === undefined) await requireAccount(tables(platformDb), workspaceId, query.focusAccount);
  }
  const selection = focus === undefined && query.focusAccount !== undefined
    ? { nodes: [], arcs: [], sampled: false, totalNodes: 0, totalEdges: 0 }
    : selectNetwork(view.ties.ties, view.community, view.influence, { ...query, focus });
  const { ties } = view.ties;
  const sources = new Int32Array(ties.pairs.targets.length);
  for (let u = 0; u < ties.pairs.n; u++) for (let a = ties.pairs.offsets[u]!; a < ties.pairs.offsets[u + 1]!; a++) sources[a] = u;
  const present = new Set(selection.nodes.map((u) => view.community[u]!));
  return {
    nodes: selection.nodes.map((u) => ({ ...ref(view.accounts[u]!), community: view.community[u]!, influence: view.influence[u]! })),
    edges: selection.arcs.map((a) => ({ source: view.ties.ids[sources[a]!]!, target: view.ties.ids[ties.pairs.targets[a]!]!, strength: round(ties.strength[a]!), strong: ties.strong[a] === 1, kinds: kindNames(ties.kinds[a]!) })),
    communities: (await communityLabels(tables(platformDb), workspaceId)).filter((c) => present.has(c.id)),
    sampled: selection.sampled,
    totalNodes: selection.totalNodes,
    totalEdges: selection.totalEdges,
  };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

async function requireAccount(db: Db, workspaceId: number, id: number) {
  const row = await db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No account ${id} in this workspace.`, { field: 'id' });
  return row;
}

const SORT_COLUMNS = { influence: 'map_account_scores.influence', reach: 'map_account_scores.reach', resonance: 'map_account_scores.resonance', trust: 'map_account_scores.trust', followers: 'accounts.followers', fanQuality: 'map_account_scores.fan_quality' } as const;

/** The influencer table: sorted, filtered, paged. */
export async function readInfluencers(platformDb: Kysely<PlatformTables>, workspaceId: number, query: z.infer<typeof InfluencersQuerySchema>, now: number): Promise<{ total: number; rows: Array<z.infer<typeof InfluencerRowSchema>> }> {
  await ensureAnalysis(platformDb, workspaceId, now);
  const db = tables(platformDb);
  let select = db
    .selectFrom('map_account_scores')
    .innerJoin('accounts', 'accounts.id', 'map_account_scores.account_id')
    .where('map_account_scores.workspace_id', '=', workspaceId);
  if (query.community !== undefined) select = select.where('map_account_scores.community', '=', query.community);
  if (query.affiliation) select = query.affiliation === 'none' ? select.where('accounts.affiliation', 'is', null) : select.where('accounts.affiliation', '=', query.affiliation);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb(sql`lower(accounts.handle)`, 'like', sql`${like} escape '\\'`), eb(sql`lower(coalesce(accounts.display_name, ''))`, 'like', sql`${like} escape '\\'`)]));
  }
  const total = Number((await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const column = SORT_COLUMNS[query.sort];
  // Unknown fan quality (no follower in the graph) sorts last either way.
  const rows = await select
    .select([
      'accounts.id', 'accounts.handle', 'accounts.display_name', 'accounts.network', 'accounts.affiliation', 'accounts.followers',
      'map_account_scores.influence', 'map_account_scores.reach', 'map_account_scores.resonance', 'map_account_scores.trust',
      'map_account_scores.fan_inactive', 'map_account_scores.fan_suspicious', 'map_account_scores.fan_unreachable', 'map_account_scores.fan_quality',
      'map_account_scores.community', 'map_account_scores.strong_ties', 'map_account_scores.weak_ties',
    ])
    .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
    .orderBy(sql.ref(column), query.order)
    .orderBy('accounts.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    total,
    rows: rows.map((r) => ({
      id: Number(r.id), handle: r.handle, displayName: r.display_name, network: r.network, affiliation: r.affiliation, followers: Number(r.followers), influence: Number(r.influence),
      parts: { reach: Number(r.reach), resonance: Number(r.resonance), trust: Number(r.trust) },
      fanQuality: { inactive: num(r.fan_inactive), suspicious: num(r.fan_suspicious), unreachable: num(r.fan_unreachable), score: num(r.fan_quality) },
      community: Number(r.community), strongTies: Number(r.strong_ties), weakTies: Number(r.weak_ties),
    })),
  };
}

const num = (x: number | null): number | null => (x === null ? null : Number(x));

/** The influencer rows as CSV (RFC 4180), for a spreadsheet. */
export function influencersCsv(rows: Array<z.infer<typeof InfluencerRowSchema>>): string {
  const header = ['id', 'handle', 'display_name', 'network', 'affiliation', 'followers', 'influence', 'reach', 'resonance', 'trust', 'fan_quality', 'fans_inactive', 'fans_suspicious', 'fans_unreachable', 'community', 'strong_ties', 'weak_ties'];
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = rows.map((r) => [r.id, r.handle, r.displayName, r.network, r.affiliation, r.followers, r.influence.toFixed(1), r.parts.reach, r.parts.resonance, r.parts.trust, r.fanQuality.score, r.fanQuality.inactive, r.fanQuality.suspicious, r.fanQuality.unreachable, r.community, r.strongTies, r.weakTies].map(cell).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** An account's card: scores explained, ties, brokerage, skills. */
export async function readAccount(platformDb: Kysely<PlatformTables>, workspaceId: number, accountId: number, now: number, tieLimit = 200, lang: ExplainLang = 'en'): Promise<z.infer<typeof AccountCardSchema>> {
  const db = tables(platformDb);
  const account = await requireAccount(db, workspaceId, accountId);
  const view = await mapView(platformDb, workspaceId, now);
  const [score, skills, communityRow] = await Promise.all([
    db.selectFrom('map_account_scores').selectAll().where('workspace_id', '=', workspaceId).where('account_id', '=', accountId).executeTakeFirst(),
    db.selectFrom('map_account_skills').select('skills').where('workspace_id', '=', workspaceId).where('account_id', '=', accountId).executeTakeFirst(),
    db.selectFrom('map_account_scores').innerJoin('map_communities', (j) => j.onRef('map_communities.workspace_id', '=', 'map_account_scores.workspace_id').onRef('map_communities.community', '=', 'map_account_scores.community'))
      .select('map_communities.label').where('map_account_scores.workspace_id', '=', workspaceId).where('map_account_scores.account_id', '=', accountId).executeTakeFirst(),
  ]);
  const facts = score ? (JSON.parse(score.facts) as { posts: number; engagement: number; received: number; reciprocity: number; fans: number; seeded: boolean }) : null;
  const u = view.ties.indexOf.get(accountId);
  const { ties } = view.ties;
  const tieRows: Array<z.infer<typeof AccountCardSchema>['ties'][number]> = [];
  let totalTies = 0;
  if (u !== undefined) {
    const golden = goldenTies(ties, view.community, u);
    const arcs: number[] = [];
    for (let a = ties.pairs.offsets[u]!; a < ties.pairs.offsets[u + 1]!; a++) arcs.push(a);
    totalTies = arcs.length;
    arcs.sort((x, y) => Number(golden.has(y)) - Number(golden.has(x)) || ties.strength[y]! - ties.strength[x]! || x - y);
    for (const a of arcs.slice(0, tieLimit)) {
      tieRows.push({ account: ref(view.accounts[ties.pairs.targets[a]!]!), strength: round(ties.strength[a]!), strong: ties.strong[a] === 1, kinds: kindNames(ties.kinds[a]!), golden: golden.has(a) });
    }
  }
  const parts = { reach: Number(score?.reach ?? 0), resonance: Number(score?.resonance ?? 0), trust: Number(score?.trust ?? 0) };
  const fanScore = num(score?.fan_quality ?? null);
  const followersInGraph = facts?.fans ?? 0;
  return {
    account: { id: Number(account.id), handle: account.handle, displayName: account.display_name, network: account.network, followers: Number(account.followers), affiliation: account.affiliation, bio: account.bio, profileUrl: account.profile_url, location: account.location },
    influence: {
      score: Number(score?.influence ?? 0),
      parts,
      explanation: score
        ? explainInfluence({ score: Number(score.influence), ...parts, followers: Number(account.followers), reach2: Number(score.reach2), posts: facts!.posts, engagementPerPost: facts!.posts > 0 ? (facts!.engagement + facts!.received) / facts!.posts : 0, reciprocity: facts!.reciprocity, strongTies: Number(score.strong_ties), seeded: facts!.seeded }, lang)
        : [lang === 'fr' ? 'Pas encore analysé : le compte est apparu après la dernière analyse.' : 'Not analysed yet: the account appeared after the last analysis.'],
    },
    fanQuality: {
      inactive: num(score?.fan_inactive ?? null), suspicious: num(score?.fan_suspicious ?? null), unreachable: num(score?.fan_unreachable ?? null), score: fanScore, followersInGraph,
      explanation: fanExplanation(fanScore, followersInGraph, Number(account.followers), score, lang),
    },
    community: { id: Number(score?.community ?? -1), label: communityRow?.label ?? null },
    ties: tieRows,
    totalTies,
    brokerage: { constraint: num(score?.constraint_score ?? null), betweenness: Number(score?.betweenness ?? 0) },
    weakTieShare: u === undefined ? null : nullable(weakTieShare(ties, { node: u })),
    skills: { tags: skills ? (JSON.parse(skills.skills) as string[]) : [], bio: account.bio, posts: score ? (JSON.parse(score.post_terms) as string[]) : [] },
  };
}

const pct = (x: number | null): string => `${Math.round(Number(x ?? 0) * 100)} %`;

function fanExplanation(quality: number | null, inGraph: number, declared: number, score: { fan_suspicious: number | null; fan_unreachable: number | null; fan_inactive: number | null } | undefined, lang: ExplainLang): string {
  if (quality === null || !score) {
    if (lang === 'fr') return `${inGraph === 0 ? 'Aucun abonné' : `Seulement ${inGraph} abonné${inGraph > 1 ? 's' : ''}`} de ce compte dans le graphe : trop peu pour vérifier son nombre d'abonnés.`;
    return `${inGraph === 0 ? 'No follower' : `Only ${inGraph} followers`} of this account ${inGraph === 1 ? 'is' : 'are'} in the graph: too few to check its fan count.`;
  }
  if (lang === 'fr') return `Sur ${inGraph} abonnés dans le graphe (${declared} déclarés), ${pct(score.fan_suspicious)} semblent suspects (abonnés à bien plus de comptes qu'ils n'ont d'abonnés, ou créés en rafale sans jamais publier), ${pct(score.fan_unreachable)} n'ont aucun autre lien et ${pct(score.fan_inactive)} ne publient jamais : qualité ${Math.round(quality * 100)} %.`;
  return `Of ${inGraph} followers in the graph (${declared} declared), ${pct(score.fan_suspicious)} look suspicious (following far more than followed, or created in a burst without posting), ${pct(score.fan_unreachable)} have no other tie and ${pct(score.fan_inactive)} never post: quality ${Math.round(quality * 100)} %.`;
}
const nullable = (x: number): number | null => (Number.isFinite(x) ? round(x) : null);

/** Replaces the skills a user typed for an account. */
export async function saveSkills(platformDb: Kysely<PlatformTables>, workspaceId: number, accountId: number, skills: string[], now: number): Promise<string[]> {
  const db = tables(platformDb);
  await requireAccount(db, workspaceId, accountId);
  const unique = [...new Map(skills.map((s) => [s.trim().toLowerCase(), s.trim()])).values()].filter(Boolean);
  await db
    .insertInto('map_account_skills')
    .values({ workspace_id: workspaceId, account_id: accountId, skills: JSON.stringify(unique), updated_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'account_id']).doUpdateSet({ skills: JSON.stringify(unique), updated_at: now }))
    .execute();
  profileCache.delete(workspaceId);
  return unique;
}

/** Communities with their labels, top accounts, brokers and weak-tie share. */
export async function readCommunities(platformDb: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<z.infer<typeof CommunitiesSchema>> {
  const state = await ensureAnalysis(platformDb, workspaceId, now);
  const db = tables(platformDb);
  const rows = await db.selectFrom('map_communities').selectAll().where('workspace_id', '=', workspaceId).orderBy('size', 'desc').orderBy('community').execute();
  const ids = rows.flatMap((r) => [...(JSON.parse(r.top_accounts) as number[]), ...(JSON.parse(r.brokers) as number[])]);
  const refs = await accountRefs(db, workspaceId, [...new Set(ids)]);
  const list = (json: string) => (JSON.parse(json) as number[]).map((id) => refs.get(id)).filter((a): a is AccountInfo => !!a).map(ref);
  return {
    modularity: state.summary?.modularity ?? 0,
    communities: rows.map((r) => ({ id: Number(r.community), size: Number(r.size), label: r.label, topAccounts: list(r.top_accounts), brokers: list(r.brokers), weakTieShare: Number(r.weak_tie_share) })),
  };
}

const profileCache = new Map<number, { key: string; profiles: Promise<Array<SkillProfile | undefined>> }>();

async function profilesOf(platformDb: Kysely<PlatformTables>, workspaceId: number, view: MapView): Promise<Array<SkillProfile | undefined>> {
  const cached = profileCache.get(workspaceId);
  if (cached && cached.key === view.key) return cached.profiles;
  const build = async (): Promise<Array<SkillProfile | undefined>> => {
    const db = tables(platformDb);
    const [bios, tags, terms] = await Promise.all([
      db.selectFrom('accounts').select(['id', 'bio']).where('workspace_id', '=', workspaceId).execute(),
      db.selectFrom('map_account_skills').select(['account_id', 'skills']).where('workspace_id', '=', workspaceId).execute(),
      db.selectFrom('map_account_scores').select(['account_id', 'post_terms']).where('workspace_id', '=', workspaceId).execute(),
    ]);
    const tagsOf = new Map(tags.map((t) => [Number(t.account_id), JSON.parse(t.skills) as string[]]));
    const termsOf = new Map(terms.map((t) => [Number(t.account_id), JSON.parse(t.post_terms) as string[]]));
    const profiles = new Array<SkillProfile | undefined>(view.ties.graph.n);
    for (const b of bios) {
      const u = view.ties.indexOf.get(Number(b.id));
      if (u === undefined) continue;
      profiles[u] = skillProfile(b.bio, tagsOf.get(Number(b.id)) ?? [], termsOf.get(Number(b.id)) ?? []);
    }
    return profiles;
  };
  const profiles = build();
  profileCache.set(workspaceId, { key: view.key, profiles });
  profiles.catch(() => profileCache.delete(workspaceId));
  return profiles;
}

/** "Who can help me with X", from an account (the brand's main account by default). */
export async function readHelp(platformDb: Kysely<PlatformTables>, workspaceId: number, query: { q: string; from?: number; limit: number; lang?: ExplainLang }, now: number): Promise<z.infer<typeof HelpSchema>> {
  const view = await mapView(platformDb, workspaceId, now);
  const fromId = query.from ?? view.summary.brand.accountId ?? undefined;
  // No brand account and no asker (an empty or imported graph): nobody to ask from, no answer.
  if (fromId === undefined) return { from: null, candidates: [] };
  const from = view.ties.indexOf.get(fromId);
  if (from === undefined) {
    await requireAccount(tables(platformDb), workspaceId, fromId);
    const refs = await accountRefs(tables(platformDb), workspaceId, [fromId]);
    return { from: refs.has(fromId) ? ref(refs.get(fromId)!) : null, candidates: [] };
  }
  const skillQuery = parseSkillQuery(query.q);
  if (skillQuery.words.length === 0) throw new RelaisError('RELAIS_REQUEST_INVALID', `"${query.q}" has no word to look for (only stop words or digits).`, { field: 'q' });
  const profiles = await profilesOf(platformDb, workspaceId, view);
  const candidates = whoCanHelp(view.ties.ties, profiles, skillQuery, from, { limit: query.limit });
  const name = (u: number) => `@${view.accounts[u]!.handle}`;
  return {
    from: ref(view.accounts[from]!),
    candidates: candidates.map((c) => ({
      account: ref(view.accounts[c.node]!), skillMatch: round(c.match.score), pathTrust: round(c.pathTrust), score: round(c.score),
      path: c.path.map((p) => ({ account: ref(view.accounts[p.node]!), strength: round(p.strength), strong: p.strong })),
      why: explainCandidate(c, skillQuery, name, query.lang ?? 'en'),
    })),
  };
}

/** The workspace's graph figures and the analysis state. */
export async function readStats(platformDb: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<z.infer<typeof StatsSchema>> {
  await ensureAnalysis(platformDb, workspaceId, now);
  const db = tables(platformDb);
  const state = await analysisState(platformDb, workspaceId);
  const summary = state.summary!;
  const [accounts, kinds] = await Promise.all([
    db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirst(),
    db.selectFrom('edges').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('workspace_id', '=', workspaceId).groupBy('kind').execute(),
  ]);
  const brand = summary.brand.accountId === null ? null : (await accountRefs(db, workspaceId, [summary.brand.accountId])).get(summary.brand.accountId) ?? null;
  const { summary: _, ...analysis } = state;
  return {
    accounts: Number(accounts?.n ?? 0),
    edges: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)])),
    nodes: summary.nodes, ties: summary.ties, strongTies: summary.strongTies, modularity: summary.modularity, communities: summary.communities,
    weakTieShare: summary.weakTieShare,
    brand: { account: brand ? ref(brand) : null, fans: summary.brand.fans, weakFans: summary.brand.weakFans },
    betweenness: summary.betweenness, reach2: summary.reach2, seconds: summary.seconds,
    analysis,
  };
}

export { forgetView };

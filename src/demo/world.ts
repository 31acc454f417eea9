// The demo world, generated from a seed: pure and deterministic (no I/O, no clock: `now` is an
// input). Each part draws from its own forked stream, so a change in one part leaves the
// others as they were. `loadDemoWorld` (load.ts) writes the result to a database.
import { generateAccounts } from './accounts.ts';
import { generateArticles } from './articles.ts';
import { addOffGraphAudience } from './audience.ts';
import { BRAND, COMPETITORS, LAUNCH, SCANDAL, topicsOf, usersOf, workspaceOf } from './brand.ts';
import { generateChallenges } from './contest.ts';
import { generateGraph } from './graph.ts';
import { inflateFans } from './inflated.ts';
import { runStoryline, type Context } from './mentions.ts';
import { DEFAULT_NOW, SIZES, type DemoGraph, type DemoWorld, type SizePlan, type WorldOptions } from './model.ts';
import { createRandom } from './random.ts';
import { advocacySpec } from './storylines/advocacy.ts';
import { runBadBuzz } from './storylines/bad-buzz.ts';
import { companySpec } from './storylines/brand-talk.ts';
import { chatterSpec } from './storylines/chatter.ts';
import { runLaunch } from './storylines/launch.ts';
import { SCANDAL_START_DAY, scandalSpec } from './storylines/scandal.ts';
import { Timeline } from './timeline.ts';

/** Each storyline's share of the mentions. */
export const STORYLINE_SHARES = { chatter: 0.42, brand: 0.14, competitors: [0.045, 0.033, 0.022], scandal: 0.13, launch: 0.1, badbuzz: 0.06, advocacy: 0.04 };

/** The smallest world that still has room for ordinary people beside the brand's circle. */
export const MIN_ACCOUNTS = 1_000;

export function planOf(options: WorldOptions): SizePlan {
  const plan = SIZES[options.size];
  const accounts = options.accounts ?? plan.accounts;
  if (accounts < MIN_ACCOUNTS) throw new RangeError(`A demo world needs at least ${MIN_ACCOUNTS} accounts (asked for ${accounts}).`);
  return { accounts, ties: options.ties ?? plan.ties, mentions: options.mentions ?? plan.mentions };
}

/** Followers of each account as CSR (who can see, reply to and reshare its posts). */
function followersOf(graph: DemoGraph, n: number): Context['followers'] {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < graph.size; e += 1) offsets[(graph.target[e] as number) + 1] = (offsets[(graph.target[e] as number) + 1] as number) + 1;
  for (let i = 0; i < n; i += 1) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const sources = new Int32Array(graph.size);
  for (let e = 0; e < graph.size; e += 1) {
    const t = graph.target[e] as number;
    sources[fill[t] as number] = graph.source[e] as number;
    fill[t] = (fill[t] as number) + 1;
  }
  return { offsets, sources };
}

/** Engagement counts are at least what the world itself holds (replies, reshares, quotes). */
function reconcileEngagement(echoes: Context['echoes']): void {
  for (const [mention, echo] of echoes) {
    const e = mention.engagement;
    e.replies = Math.max(e.replies, echo.replies);
    if (echo.shares > 0) {
      e.shares = Math.max(e.shares, echo.shares);
      e.likes = Math.max(e.likes, Math.round(echo.shares * 2.5));
      e.views = Math.max(e.views, e.likes * 40);
    }
  }
}

/** Generates the whole world for a seed and size. Same options, same world, byte for byte. */
export function generateWorld(options: WorldOptions): DemoWorld {
  const now = options.now ?? DEFAULT_NOW;
  const plan = planOf(options);
  const random = createRandom(options.seed);
  const { accounts, cast } = generateAccounts(random.fork('accounts'), plan.accounts, now);
  const graph = generateGraph(accounts, cast, random.fork('graph'), plan.ties, now);
  addOffGraphAudience(accounts, cast, random.fork('audience'));
  const articles = generateArticles(random.fork('articles'), now);

  const ctx: Context = { accounts, cast, followers: followersOf(graph, accounts.length), timeline: new Timeline(now), mentions: [], sequence: 0, echoes: new Map() };
  const m = plan.mentions;
  const s = STORYLINE_SHARES;
  runStoryline(ctx, random.fork('chatter'), chatterSpec(ctx, random.fork('chatter-plan'), m * s.chatter));
  runStoryline(ctx, random.fork('brand'), companySpec(ctx, random.fork('brand-plan'), m * s.brand, BRAND, 'brand'));
  COMPETITORS.forEach((c, i) => runStoryline(ctx, random.fork(`competitor-${i}`), companySpec(ctx, random.fork(`competitor-plan-${i}`), m * (s.competitors[i] ?? 0.02), c, 'competitor')));
  runStoryline(ctx, random.fork('scandal'), scandalSpec(ctx, random.fork('scandal-plan'), m * s.scandal));
  const launch = runLaunch(ctx, random.fork('launch'), m * s.launch);
  const badBuzz = runBadBuzz(ctx, random.fork('badbuzz'), m * s.badbuzz);
  runStoryline(ctx, random.fork('advocacy'), advocacySpec(ctx, random.fork('advocacy-plan'), m * s.advocacy, articles));

  const mentions = ctx.mentions.sort((a, b) => a.published_at - b.published_at || ((a.network_id ?? '') < (b.network_id ?? '') ? -1 : (a.network_id ?? '') > (b.network_id ?? '') ? 1 : 0));
  reconcileEngagement(ctx.echoes);
  // Last, on its own stream: three accounts with bought, silent followers (Map's fan quality).
  const world = inflateFans(accounts, graph, mentions, cast, random.fork('inflated'), now);

  const scandalDays = new Map<number, number>();
  for (const mention of mentions) {
    if (mention.storyline === 'scandal') scandalDays.set(ctx.timeline.dayOf(mention.published_at), (scandalDays.get(ctx.timeline.dayOf(mention.published_at)) ?? 0) + 1);
  }
  const peakDay = [...scandalDays.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? SCANDAL_START_DAY;

  return {
    seed: options.seed,
    size: options.size,
    now,
    workspace: workspaceOf(options.seed),
    users: usersOf(),
    accounts,
    graph: world,
    mentions,
    topics: topicsOf(now),
    articles,
    challenges: generateChallenges(now),
    events: {
      scandal: { start: ctx.timeline.dayStart(SCANDAL_START_DAY), peakDay: ctx.timeline.dayStart(peakDay), names: [SCANDAL.subject, ...SCANDAL.coMentioned] },
      launch: { at: launch.at, clip: launch.clip, hashtag: LAUNCH.hashtag },
      badBuzz: { at: badBuzz.at, author: cast.badBuzzAuthor, origin: badBuzz.origin },
    },
  };
}

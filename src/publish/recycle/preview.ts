// The preview the user approves: the planned shares with their composed text (as the network
// will count it) and the articles left out with why. The same function feeds the API and the CLI.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import type { PostNetwork } from '../post-length.ts';
import { composePost } from './compose.ts';
import { eligibility } from './eligible.ts';
import type { RecycleRules } from './rules.ts';
import { loadArticles, loadRecycleHistory, previewRecycling } from './store.ts';

export interface RecyclePreviewInput {
  rules: RecycleRules;
  network: PostNetwork;
  count: number;
  now: number;
  random: () => number;
}

/** A placeholder of the short link's length (relais's own /s/<8 letters> on its public address). */
const SHORT_LINK_PLACEHOLDER = 'https://relais.example/s/XXXXXXXX';

export async function recyclePreview(db: Kysely<PlatformTables>, workspaceId: number, input: RecyclePreviewInput) {
  const plan = await previewRecycling(db, workspaceId, input);
  const shares = plan.shares.map((share) => {
    const link = !input.rules.includeLink ? null : input.rules.shortLink ? SHORT_LINK_PLACEHOLDER : share.article.url;
    const post = composePost(share.article, input.rules, input.rules.variants[share.variant], link, input.network);
    return { at: share.at, articleId: share.article.id, title: share.article.title, url: share.article.url, cycle: share.cycle, text: post.text, length: post.length, limit: post.limit, over: post.over };
  });
  const [articles, history] = await Promise.all([loadArticles(db, workspaceId), loadRecycleHistory(db, workspaceId)]);
  const excluded = eligibility(articles, input.rules, history, input.now)
    .filter((e) => e.exclusion !== null)
    .map((e) => ({ articleId: e.article.id, title: e.article.title, reason: e.exclusion! }));
  return { usualPerDay: plan.usualPerDay, intervalHours: plan.intervalHours, poolSize: plan.poolSize, stopped: plan.stopped, shares, excluded };
}

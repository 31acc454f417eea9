// Gathers what the buzz report shows: the dashboard of the topic over the period, the story of
// its burst (story.ts), who started it and the most engaging quotes.
import type { Kysely } from 'kysely';
import type { Dialect } from '../../platform/db/connect.ts';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { buildDashboard, type Dashboard } from '../dashboard/dashboard.ts';
import { HOUR_MS, mentionSamples, volumeCounts, type MentionSample } from '../dashboard/queries.ts';
import { buzzStory, starterWindow, startersOf, storyWindow, type BuzzStory } from './story.ts';

export interface ReportData {
  dashboard: Dashboard;
  story: BuzzStory;
  starters: MentionSample[];
  quotes: MentionSample[];
  /** When the report was made (epoch ms). */
  madeAt: number;
}

export async function buildReport(db: Kysely<PlatformTables>, dialect: Dialect, request: { workspaceId: number; topicId?: number; from: number; to: number }, now: number): Promise<ReportData> {
  const dashboard = await buildDashboard(db, dialect, { ...request, bucket: 'day' });
  const scope = { workspaceId: request.workspaceId, topicId: request.topicId, from: request.from, to: request.to };
  const window = storyWindow(dashboard);
  const hourly = await volumeCounts(db, scope, window, HOUR_MS);
  const story = buzzStory(dashboard, hourly);
  const around = starterWindow(story);
  const [engaging, earliest, quotes] = await Promise.all([
    around ? mentionSamples(db, dialect, { ...scope, ...around }, 'engagement', 3) : Promise.resolve([]),
    around ? mentionSamples(db, dialect, { ...scope, ...around }, 'first', 3) : Promise.resolve([]),
    mentionSamples(db, dialect, scope, 'engagement', 6),
  ]);
  return { dashboard, story, starters: startersOf(engaging, earliest), quotes, madeAt: now };
}

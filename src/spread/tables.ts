// Row types of Spread's tables: analyses run as jobs (with their stored results) and campaigns.
import type { Generated } from 'kysely';
import type { EpochMs } from '../platform/db/schema.ts';

export interface SpreadRunTable {
  id: Generated<number>;
  workspace_id: number;
  /** 'simulate' | 'seeds' | 'strong-ties' | 'bloggers'. */
  kind: string;
  /** JSON: the request as validated. */
  params: string;
  /** 'queued' | 'running' | 'done' | 'failed' | 'cancelled'. */
  status: string;
  /** JSON: { stage, done, total } while running. */
  progress: string | null;
  /** JSON: the answer once done. */
  result: string | null;
  error: string | null;
  created_by: number | null;
  created_at: EpochMs;
  finished_at: EpochMs | null;
}

export interface SpreadCampaignTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  goal: string;
  /** JSON: the PoolSpec the seeds came from. */
  pool: string;
  /** JSON: the seeds as "network:handle", in the order they are asked. */
  seeds: string;
  content: string;
  /** Lower case, without '#'; null when the campaign has none. */
  hashtag: string | null;
  link: string | null;
  /** JSON: the ModelSpec of the prediction. */
  model: string;
  /** Hours one diffusion step stands for, to draw predicted reach over time. */
  step_hours: number;
  /** JSON: the ReachCurve predicted for the seeds; null until computed. */
  predicted: string | null;
  starts_at: EpochMs;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export type SpreadTables = {
  spread_runs: SpreadRunTable;
  spread_campaigns: SpreadCampaignTable;
};

// Row types of Reward's tables: challenges (the contest).
import type { Generated } from 'kysely';
import type { EpochMs } from '../platform/db/schema.ts';

export interface ChallengeTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  description: string;
  /** JSON: { type: 'share' | 'hashtag' | 'clicks' | 'follower' | 'forum' | 'manual', hashtag?, … }. */
  action: string;
  /** JSON: { fixed: n } or { perUnit: n, cap: n }. */
  points: string;
  starts_at: EpochMs;
  ends_at: EpochMs;
  timezone: string;
  /** JSON array of 'employee' | 'ambassador' | 'public'. */
  eligibility: string;
  per_person_limit: number | null;
  created_at: EpochMs;
}

export type RewardTables = {
  challenges: ChallengeTable;
};

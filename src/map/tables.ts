// Row types of Map's tables: the ties between accounts, the skills users edit, and the last
// analysis of each workspace's graph (scores per account, communities) kept for fast reads.
import type { EpochMs } from '../platform/db/schema.ts';

export interface EdgeTable {
  workspace_id: number;
  /** accounts.id at both ends; for 'follows', source follows target; otherwise source wrote to/about target. */
  source_id: number;
  target_id: number;
  /** 'follows' | 'reply' | 'mention' | 'reshare' | 'quote' | 'link' (an imported tie of no stated kind). */
  kind: string;
  /** How many times the interaction happened (1 for follows). */
  count: number;
  weight: number;
  first_at: EpochMs;
  last_at: EpochMs;
}

/** One row per workspace: bumped whenever its ties change, so analyses know they are stale. */
export interface GraphStateTable {
  workspace_id: number;
  version: number;
  changed_at: EpochMs;
  /** When the interaction edges were last rebuilt from all stored mentions; null: never. */
  backfilled_at: EpochMs | null;
}

/** A workspace's tie-strength settings (half-life, threshold, Dunbar cap, calibrated weights). */
export interface SettingsTable {
  workspace_id: number;
  /** JSON: Partial<TieStrengthOptions>. */
  settings: string;
  updated_at: EpochMs;
}

/** The skills a user typed for an account (added to those read from bios and posts). */
export interface AccountSkillTable {
  workspace_id: number;
  account_id: number;
  /** JSON array of strings. */
  skills: string;
  updated_at: EpochMs;
}

/** The last analysis of a workspace's graph. */
export interface AnalysisTable {
  workspace_id: number;
  /** 'running' | 'done' | 'failed' | 'cancelled'. */
  status: string;
  /** The graph version analysed. */
  version: number;
  started_at: EpochMs;
  finished_at: EpochMs | null;
  /** Set by a user to stop a running analysis; the job checks it between steps. */
  cancel_requested: number;
  /** JSON: the workspace-wide figures (modularity, weak-tie shares, bounds, step timings). */
  summary: string;
  error: string | null;
}

/** Per account, what the last analysis found. */
export interface AccountScoreTable {
  workspace_id: number;
  account_id: number;
  community: number;
  influence: number;
  reach: number;
  resonance: number;
  trust: number;
  /** Unique accounts within two hops upstream (who can see what it says, through one relay). */
  reach2: number;
  pagerank: number;
  fan_inactive: number | null;
  fan_suspicious: number | null;
  fan_unreachable: number | null;
  fan_quality: number | null;
  strong_ties: number;
  weak_ties: number;
  betweenness: number;
  /** Burt's constraint; null for an isolated account. */
  constraint_score: number | null;
  /** JSON: the facts behind the parts (posts, engagement, reciprocity…), for the explanations. */
  facts: string;
  /** JSON array: the account's most frequent terms and hashtags in its posts (skills). */
  post_terms: string;
}

/** Per community of the last analysis. */
export interface CommunityTable {
  workspace_id: number;
  community: number;
  size: number;
  label: string;
  /** JSON arrays of account ids. */
  top_accounts: string;
  brokers: string;
  weak_tie_share: number;
}

export type MapTables = {
  edges: EdgeTable;
  map_graph_state: GraphStateTable;
  map_settings: SettingsTable;
  map_account_skills: AccountSkillTable;
  map_analysis: AnalysisTable;
  map_account_scores: AccountScoreTable;
  map_communities: CommunityTable;
};

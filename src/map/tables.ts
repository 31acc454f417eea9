// Row types of Map's tables: the ties between accounts.
import type { EpochMs } from '../platform/db/schema.ts';

export interface EdgeTable {
  workspace_id: number;
  /** accounts.id at both ends; for 'follows', source follows target. */
  source_id: number;
  target_id: number;
  /** 'follows' | 'reply' | 'mention' | 'reshare' | 'quote'. */
  kind: string;
  /** How many times the interaction happened (1 for follows). */
  count: number;
  weight: number;
  first_at: EpochMs;
  last_at: EpochMs;
}

export type MapTables = {
  edges: EdgeTable;
};

// Row types of Publish's tables: the brand's articles (the evergreen pool to recycle).
import type { Generated } from 'kysely';
import type { EpochMs } from '../platform/db/schema.ts';

export interface ArticleTable {
  id: Generated<number>;
  workspace_id: number;
  url: string;
  title: string;
  summary: string | null;
  published_at: EpochMs;
  /** JSON arrays of strings. */
  categories: string;
  tags: string;
}

export type PublishTables = {
  articles: ArticleTable;
};

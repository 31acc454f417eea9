import type { Migration } from '../platform/db/migrations.ts';

export const mapMigrations: Migration[] = [
  {
    name: '2026-11-22-20-map',
    async up(db) {
      await db.schema
        .createTable('edges')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('source_id', 'bigint', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('target_id', 'bigint', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('count', 'bigint', (c) => c.notNull().defaultTo(1))
        .addColumn('weight', 'real', (c) => c.notNull().defaultTo(1))
        .addColumn('first_at', 'bigint', (c) => c.notNull())
        .addColumn('last_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('edges_pk', ['workspace_id', 'source_id', 'target_id', 'kind'])
        .execute();
      await db.schema.createIndex('edges_target_idx').on('edges').columns(['workspace_id', 'target_id']).execute();
    },
  },
  {
    name: '2026-11-22-21-map-analysis',
    async up(db) {
      await db.schema
        .createTable('map_graph_state')
        .addColumn('workspace_id', 'bigint', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('changed_at', 'bigint', (c) => c.notNull())
        .addColumn('backfilled_at', 'bigint')
        .execute();
      await db.schema
        .createTable('map_account_skills')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('skills', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('map_account_skills_pk', ['workspace_id', 'account_id'])
        .execute();
      await db.schema
        .createTable('map_analysis')
        .addColumn('workspace_id', 'bigint', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .execute();
      await db.schema
        .createTable('map_account_scores')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('community', 'integer', (c) => c.notNull())
        .addColumn('influence', 'double precision', (c) => c.notNull())
        .addColumn('reach', 'double precision', (c) => c.notNull())
        .addColumn('resonance', 'double precision', (c) => c.notNull())
        .addColumn('trust', 'double precision', (c) => c.notNull())
        .addColumn('reach2', 'bigint', (c) => c.notNull())
        .addColumn('pagerank', 'double precision', (c) => c.notNull())
        .addColumn('fan_inactive', 'double precision')
        .addColumn('fan_suspicious', 'double precision')
        .addColumn('fan_unreachable', 'double precision')
        .addColumn('fan_quality', 'double precision')
        .addColumn('strong_ties', 'integer', (c) => c.notNull())
        .addColumn('weak_ties', 'integer', (c) => c.notNull())
        .addColumn('betweenness', 'double precision', (c) => c.notNull())
        .addColumn('constraint_score', 'double precision')
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('post_terms', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('map_account_scores_pk', ['workspace_id', 'account_id'])
        .execute();
      await db.schema.createIndex('map_account_scores_influence_idx').on('map_account_scores').columns(['workspace_id', 'influence']).execute();
      await db.schema
        .createTable('map_communities')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('community', 'integer', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('top_accounts', 'text', (c) => c.notNull())
        .addColumn('brokers', 'text', (c) => c.notNull())
        .addColumn('weak_tie_share', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('map_communities_pk', ['workspace_id', 'community'])
        .execute();
    },
  },
  {
    name: '2026-11-22-22-map-settings',
    async up(db) {
      await db.schema
        .createTable('map_settings')
        .addColumn('workspace_id', 'bigint', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
];

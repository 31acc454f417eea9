// Spread's tables: analyses (runs) and campaigns, on both dialects.
import { withId, type Migration } from '../platform/db/migrations.ts';

export const spreadMigrations: Migration[] = [
  {
    name: '2026-11-22-30-spread-runs-campaigns',
    async up(db, dialect) {
      await withId(db.schema.createTable('spread_runs'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'text')
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema.createIndex('spread_runs_workspace_idx').on('spread_runs').columns(['workspace_id', 'created_at']).execute();
      await withId(db.schema.createTable('spread_campaigns'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('goal', 'text', (c) => c.notNull())
        .addColumn('pool', 'text', (c) => c.notNull())
        .addColumn('seeds', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('hashtag', 'text')
        .addColumn('link', 'text')
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('step_hours', 'real', (c) => c.notNull())
        .addColumn('predicted', 'text')
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('spread_campaigns_workspace_idx').on('spread_campaigns').columns(['workspace_id', 'name']).unique().execute();
    },
  },
];

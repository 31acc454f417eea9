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
];

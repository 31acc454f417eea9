import { withId, type Migration } from '../platform/db/migrations.ts';

export const rewardMigrations: Migration[] = [
  {
    name: '2026-11-22-60-reward',
    async up(db, dialect) {
      await withId(db.schema.createTable('challenges'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('points', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('eligibility', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('per_person_limit', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
];

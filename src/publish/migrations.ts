import { withId, type Migration } from '../platform/db/migrations.ts';

export const publishMigrations: Migration[] = [
  {
    name: '2026-11-22-40-publish',
    async up(db, dialect) {
      await withId(db.schema.createTable('articles'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema.createIndex('articles_url_uq').on('articles').columns(['workspace_id', 'url']).unique().execute();
    },
  },
];

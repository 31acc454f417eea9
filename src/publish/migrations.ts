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
  {
    name: '2026-11-22-41-publish-scheduler',
    async up(db, dialect) {
      await db.schema.alterTable('articles').addColumn('event_at', 'bigint').execute();
      await withId(db.schema.createTable('channels'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('handle', 'text')
        .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('secrets', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('status_reason', 'text')
        .addColumn('rate_per_hour', 'integer', (c) => c.notNull().defaultTo(30))
        .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
        .addColumn('slots', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('channels_name_uq').on('channels').columns(['workspace_id', 'name']).unique().execute();
      await withId(db.schema.createTable('posts'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('author_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('media', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('link_url', 'text')
        .addColumn('content_warning', 'text')
        .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
        .addColumn('due_at', 'bigint')
        .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
        .addColumn('origin', 'text', (c) => c.notNull().defaultTo('manual'))
        .addColumn('article_id', 'bigint', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('posts_due_idx').on('posts').columns(['workspace_id', 'status', 'due_at']).execute();
      await withId(db.schema.createTable('post_targets'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('post_id', 'bigint', (c) => c.notNull().references('posts.id').onDelete('cascade'))
        .addColumn('channel_id', 'bigint', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('text', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('remote_id', 'text')
        .addColumn('remote_url', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('published_at', 'bigint')
        .execute();
      await db.schema.createIndex('post_targets_key_uq').on('post_targets').columns(['idempotency_key']).unique().execute();
      await db.schema.createIndex('post_targets_post_channel_uq').on('post_targets').columns(['post_id', 'channel_id']).unique().execute();
      await db.schema.createIndex('post_targets_due_idx').on('post_targets').columns(['status', 'next_attempt_at']).execute();
      await withId(db.schema.createTable('post_attempts'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('target_id', 'bigint', (c) => c.notNull().references('post_targets.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('message', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('post_attempts_target_idx').on('post_attempts').columns(['target_id', 'at']).execute();
      await withId(db.schema.createTable('short_links'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('post_id', 'bigint', (c) => c.references('posts.id').onDelete('set null'))
        .addColumn('channel_id', 'bigint', (c) => c.references('channels.id').onDelete('set null'))
        .addColumn('advocate_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('short_links_code_uq').on('short_links').columns(['code']).unique().execute();
      await withId(db.schema.createTable('link_clicks'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('link_id', 'bigint', (c) => c.notNull().references('short_links.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('referrer', 'text')
        .addColumn('visitor', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('link_clicks_link_idx').on('link_clicks').columns(['link_id', 'at']).execute();
      await withId(db.schema.createTable('recycle_rules'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('channel_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('cycle', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('last_run_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  {
    name: '2026-11-22-42-publish-advocacy',
    async up(db, dialect) {
      // A member's own channel (an employee's or ambassador's account), used for advocacy shares.
      await db.schema.alterTable('channels').addColumn('owner_id', 'bigint', (c) => c.references('users.id').onDelete('cascade')).execute();
      await withId(db.schema.createTable('advocacy_items'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('link_url', 'text')
        .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createTable('advocacy_policies')
        .addColumn('workspace_id', 'bigint', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createTable('member_templates')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('affiliation', 'text', (c) => c.notNull().defaultTo('employee'))
        .addColumn('signature', 'text')
        .addColumn('hashtag', 'text')
        .addPrimaryKeyConstraint('member_templates_pk', ['workspace_id', 'user_id'])
        .execute();
      await withId(db.schema.createTable('post_reviews'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('post_id', 'bigint', (c) => c.notNull().references('posts.id').onDelete('cascade'))
        .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('post_reviews_post_idx').on('post_reviews').columns(['post_id', 'at']).execute();
    },
  },
];

import { createFullTextIndex } from '../platform/db/full-text.ts';
import { withId, type Migration } from '../platform/db/migrations.ts';
import { alertMigrations } from './alerts/migrations.ts';

export const listenMigrations: Migration[] = [
  {
    name: '2026-11-22-10-listen',
    async up(db, dialect) {
      await withId(db.schema.createTable('accounts'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('handle', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text')
        .addColumn('profile_url', 'text')
        .addColumn('bio', 'text')
        .addColumn('location', 'text')
        .addColumn('country', 'text')
        .addColumn('followers', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('following', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('person'))
        .addColumn('gender', 'text')
        .addColumn('gender_p', 'real')
        .addColumn('affiliation', 'text')
        .addColumn('team', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('accounts_handle_uq').on('accounts').columns(['workspace_id', 'network', 'handle']).unique().execute();
      await db.schema.createIndex('accounts_affiliation_idx').on('accounts').columns(['workspace_id', 'affiliation']).execute();

      await withId(db.schema.createTable('mentions'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('network_id', 'text')
        .addColumn('canonical_url', 'text')
        .addColumn('source_type', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('author_id', 'bigint', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('lang', 'text')
        .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('hashtags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('mentioned', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('reply_to', 'text')
        .addColumn('quote_of', 'text')
        .addColumn('reshare_of', 'text')
        .addColumn('engagement', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('sentiment', 'text')
        .addColumn('sentiment_score', 'real')
        .addColumn('raw', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('ingested_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mentions_time_idx').on('mentions').columns(['workspace_id', 'published_at']).execute();
      await db.schema.createIndex('mentions_author_idx').on('mentions').columns(['author_id']).execute();
      await db.schema.createIndex('mentions_network_id_uq').on('mentions').columns(['workspace_id', 'network', 'network_id']).unique().execute();
      await db.schema.createIndex('mentions_url_uq').on('mentions').columns(['workspace_id', 'canonical_url']).unique().execute();
      await createFullTextIndex(db, dialect, { table: 'mentions', columns: ['title', 'text'] });

      await withId(db.schema.createTable('topics'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('query', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  {
    name: '2026-11-22-11-listen-ingest',
    async up(db, dialect) {
      // Which mention matches which topic: written at ingest (percolation) and by backfill.
      await db.schema
        .createTable('topic_mentions')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('topic_id', 'bigint', (c) => c.notNull().references('topics.id').onDelete('cascade'))
        .addColumn('mention_id', 'bigint', (c) => c.notNull().references('mentions.id').onDelete('cascade'))
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('topic_mentions_pk', ['topic_id', 'mention_id'])
        .execute();
      await db.schema.createIndex('topic_mentions_time_idx').on('topic_mentions').columns(['topic_id', 'published_at']).execute();
      await db.schema.createIndex('topic_mentions_mention_idx').on('topic_mentions').column('mention_id').execute();
      await db.schema.alterTable('topics').addColumn('backfilled_at', 'bigint').execute();
      // Every item a source could not take, with where it was: the app shows it.
      await withId(db.schema.createTable('ingest_log'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('position', 'text')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ingest_log_time_idx').on('ingest_log').columns(['workspace_id', 'at']).execute();
    },
  },
  {
    name: '2026-11-22-12-listen-sources',
    async up(db, dialect) {
      // The sources Listen polls (feeds now; Mastodon, Bluesky later): options, the state the
      // source hands back after each poll (ETag, back-off…), and whether it is paused and why.
      await withId(db.schema.createTable('sources'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('paused_reason', 'text')
        .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
        .addColumn('last_polled_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sources_url_uq').on('sources').columns(['workspace_id', 'kind', 'url']).unique().execute();
      await db.schema.createIndex('sources_due_idx').on('sources').columns(['status', 'next_poll_at']).execute();
    },
  },
  {
    name: '2026-11-22-13-listen-mention-pages',
    async up(db) {
      // Backfill and export page through a workspace's mentions by id: without this index the
      // planner takes (workspace_id, published_at) and sorts every page — quadratic.
      await db.schema.createIndex('mentions_workspace_id_idx').on('mentions').columns(['workspace_id', 'id']).execute();
    },
  },
  ...alertMigrations,
  {
    name: '2026-11-22-16-listen-dashboard',
    async up(db) {
      // The dashboard reads a topic's mentions over a period from topic_mentions: with the
      // mention id in the index, the range scan never touches the table (it replaces the
      // (topic_id, published_at) index, its prefix).
      await db.schema.createIndex('topic_mentions_topic_time_idx').on('topic_mentions').columns(['topic_id', 'published_at', 'mention_id']).execute();
      await db.schema.dropIndex('topic_mentions_time_idx').execute();
    },
  },
];

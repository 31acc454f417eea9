import { withId, type Migration } from '../platform/db/migrations.ts';

export const engageMigrations: Migration[] = [
  {
    name: '2026-11-22-50-engage-inbox',
    async up(db, dialect) {
      await withId(db.schema.createTable('conversations'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('root_mention_id', 'bigint', (c) => c.notNull().references('mentions.id').onDelete('cascade'))
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('author_id', 'bigint', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
        .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
        .addColumn('assignee_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('team', 'text')
        .addColumn('assigned_by', 'text')
        .addColumn('snoozed_until', 'bigint')
        .addColumn('lang', 'text')
        .addColumn('sentiment', 'text')
        .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('last_mention_at', 'bigint', (c) => c.notNull())
        .addColumn('first_response_due_at', 'bigint', (c) => c.notNull())
        .addColumn('first_response_at', 'bigint')
        .addColumn('resolved_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('conversations_inbox_idx').on('conversations').columns(['workspace_id', 'status', 'last_mention_at']).execute();
      await db.schema.createIndex('conversations_assignee_idx').on('conversations').columns(['workspace_id', 'assignee_id', 'status']).execute();
      await db.schema.createTable('conversation_mentions')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('conversation_id', 'bigint', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('mention_id', 'bigint', (c) => c.notNull().references('mentions.id').onDelete('cascade'))
        .addColumn('network_id', 'text')
        .execute();
      await db.schema.createIndex('conversation_mentions_uq').on('conversation_mentions').columns(['mention_id']).unique().execute();
      await db.schema.createIndex('conversation_mentions_net_idx').on('conversation_mentions').columns(['workspace_id', 'network_id']).execute();
      await db.schema.createIndex('conversation_mentions_conv_idx').on('conversation_mentions').columns(['conversation_id']).execute();
      await withId(db.schema.createTable('engage_messages'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('conversation_id', 'bigint', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('post_id', 'bigint', (c) => c.references('posts.id').onDelete('set null'))
        .addColumn('in_reply_to', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('engage_messages_conv_idx').on('engage_messages').columns(['conversation_id']).execute();
      await withId(db.schema.createTable('engage_events'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('conversation_id', 'bigint', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('engage_events_conv_idx').on('engage_events').columns(['conversation_id']).execute();
      await withId(db.schema.createTable('saved_replies'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('saved_replies_name_uq').on('saved_replies').columns(['workspace_id', 'name']).unique().execute();
      await withId(db.schema.createTable('assignment_rules'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('conditions', 'text', (c) => c.notNull())
        .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('team', 'text')
        .addColumn('priority', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createTable('team_members')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('team', 'text', (c) => c.notNull())
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('team_members_pk', ['workspace_id', 'team', 'user_id'])
        .execute();
      await withId(db.schema.createTable('rota_shifts'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('weekday', 'integer', (c) => c.notNull())
        .addColumn('start_minute', 'integer', (c) => c.notNull())
        .addColumn('end_minute', 'integer', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('rota_exceptions'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('start_minute', 'integer')
        .addColumn('end_minute', 'integer')
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createTable('sla_targets')
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('sla_targets_pk', ['workspace_id', 'priority'])
        .execute();
      await db.schema.createTable('engage_cursor')
        .addColumn('workspace_id', 'bigint', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('last_mention_id', 'bigint', (c) => c.notNull())
        .addColumn('round_robin', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
    },
  },
];

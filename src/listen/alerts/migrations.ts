// The alert tables (spread into Listen's migration list).
import { withId, type Migration } from '../../platform/db/migrations.ts';

export const alertMigrations: Migration[] = [
  {
    name: '2026-11-22-15-listen-alerts',
    async up(db, dialect) {
      await withId(db.schema.createTable('alert_rules'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('topic_id', 'bigint', (c) => c.references('topics.id').onDelete('cascade'))
        .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('cooldown_minutes', 'integer', (c) => c.notNull())
        .addColumn('quiet_hours', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('webhook_url', 'text')
        .addColumn('webhook_allow_private', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('webhook_secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_rules_workspace_idx').on('alert_rules').columns(['workspace_id', 'enabled']).execute();

      await withId(db.schema.createTable('alerts'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('rule_id', 'bigint', (c) => c.references('alert_rules.id').onDelete('set null'))
        .addColumn('rule_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('topic_id', 'bigint', (c) => c.references('topics.id').onDelete('set null'))
        .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('window_end', 'bigint', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('mention_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('fired_at', 'bigint', (c) => c.notNull())
        .addColumn('acknowledged_at', 'bigint')
        .addColumn('acknowledged_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('resolved_at', 'bigint')
        .addColumn('resolved_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      // The once-only key: a rule fires once per window and subject, however many workers
      // evaluate it at the same time (the second insert conflicts and adds nothing).
      await db.schema.createIndex('alerts_once_uq').on('alerts').columns(['rule_id', 'subject', 'window_start']).unique().execute();
      await db.schema.createIndex('alerts_list_idx').on('alerts').columns(['workspace_id', 'status', 'fired_at']).execute();
      await db.schema.createIndex('alerts_rule_idx').on('alerts').columns(['rule_id', 'subject', 'fired_at']).execute();

      await withId(db.schema.createTable('alert_events'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('alert_id', 'bigint', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('actor_name', 'text')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.createIndex('alert_events_alert_idx').on('alert_events').columns(['alert_id', 'id']).execute();

      await withId(db.schema.createTable('alert_deliveries'), dialect)
        .addColumn('workspace_id', 'bigint', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('alert_id', 'bigint', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_deliveries_alert_idx').on('alert_deliveries').columns(['alert_id', 'id']).execute();
    },
  },
];

// Row types of Engage's tables: conversations filed from Listen's mentions, their messages
// (replies sent through Publish, internal notes), assignment rules, the on-duty rota and SLA targets.
import type { Generated } from 'kysely';
import type { EpochMs } from '../platform/db/schema.ts';

export interface ConversationTable {
  id: Generated<number>;
  workspace_id: number;
  /** The mention that opened it; later replies in its chain join it. */
  root_mention_id: number;
  network: string;
  author_id: number | null;
  /** Why it needs a human: 'question' | 'complaint' | 'brand-mention' | 'reply-to-brand' (comma-joined when several). */
  reasons: string;
  status: 'new' | 'assigned' | 'waiting' | 'resolved';
  priority: 'urgent' | 'high' | 'normal' | 'low';
  assignee_id: number | null;
  team: string | null;
  /** Who assigned it and how: 'rule:<id>' | 'round-robin' | 'on-call' | 'manual' | null. */
  assigned_by: string | null;
  snoozed_until: EpochMs | null;
  lang: string | null;
  sentiment: string | null;
  /** JSON array of the topic ids its mentions match. */
  topics: string;
  last_mention_at: EpochMs;
  first_response_due_at: EpochMs;
  first_response_at: EpochMs | null;
  resolved_at: EpochMs | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface ConversationMentionTable {
  workspace_id: number;
  conversation_id: number;
  mention_id: number;
  /** The mention's network id, so that a reply to it finds the conversation. */
  network_id: string | null;
}

export interface EngageMessageTable {
  id: Generated<number>;
  workspace_id: number;
  conversation_id: number;
  /** 'reply' (sent through Publish: post_id) | 'note' (internal). */
  kind: string;
  user_id: number | null;
  text: string;
  post_id: number | null;
  in_reply_to: string | null;
  created_at: EpochMs;
}

export interface EngageEventTable {
  id: Generated<number>;
  workspace_id: number;
  conversation_id: number;
  user_id: number | null;
  /** 'filed' | 'assigned' | 'status' | 'snoozed' | 'replied' | 'noted'. */
  action: string;
  detail: string;
  at: EpochMs;
}

export interface SavedReplyTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  text: string;
  created_at: EpochMs;
}

export interface AssignmentRuleTable {
  id: Generated<number>;
  workspace_id: number;
  position: number;
  /** JSON: { topicId?, network?, lang?, keywords?: string[], sentiment? } — all given must match. */
  conditions: string;
  /** Exactly one of them: a person, or a team (round-robin among its members on duty). */
  user_id: number | null;
  team: string | null;
  priority: string | null;
  created_at: EpochMs;
}

export interface TeamMemberTable {
  workspace_id: number;
  team: string;
  user_id: number;
}

export interface RotaShiftTable {
  id: Generated<number>;
  workspace_id: number;
  user_id: number;
  /** 'duty' (answers the inbox) | 'on-call' (takes what arrives when nobody is on duty). */
  kind: string;
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday: number;
  /** Minutes after local midnight; end may be 1440. */
  start_minute: number;
  end_minute: number;
  time_zone: string;
  created_at: EpochMs;
}

export interface RotaExceptionTable {
  id: Generated<number>;
  workspace_id: number;
  user_id: number;
  /** Local date YYYY-MM-DD in time_zone. */
  date: string;
  /** 'off' (no shift that day) | 'on' (an extra duty shift start–end). */
  kind: string;
  start_minute: number | null;
  end_minute: number | null;
  time_zone: string;
  created_at: EpochMs;
}

export interface SlaTargetTable {
  workspace_id: number;
  priority: string;
  minutes: number;
}

export interface EngageCursorTable {
  workspace_id: number;
  /** The last mention id filed (or found not to need a human). */
  last_mention_id: number;
  /** Round-robin state: JSON { poolKey: lastUserId }. */
  round_robin: string;
}

export type EngageTables = {
  conversations: ConversationTable;
  conversation_mentions: ConversationMentionTable;
  engage_messages: EngageMessageTable;
  engage_events: EngageEventTable;
  saved_replies: SavedReplyTable;
  assignment_rules: AssignmentRuleTable;
  team_members: TeamMemberTable;
  rota_shifts: RotaShiftTable;
  rota_exceptions: RotaExceptionTable;
  sla_targets: SlaTargetTable;
  engage_cursor: EngageCursorTable;
};

// Row types of the platform's own tables. Capabilities declare theirs beside their code and
// reach them with `db.withTables<TheirTables>()`, so this file knows none of them.
import type { Generated } from 'kysely';

/** Times are kept as epoch milliseconds (UTC) in a bigint column on both dialects. */
export type EpochMs = number;

export interface WorkspaceTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** JSON text: the workspace's settings (time zone, brand handles…). */
  settings: string;
  created_at: EpochMs;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
  /** 1 for an administrator of the whole install (creates workspaces, manages users). */
  is_admin: number;
  created_at: EpochMs;
}

export interface MembershipTable {
  workspace_id: number;
  user_id: number;
  role: string;
  created_at: EpochMs;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database does not give working sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: EpochMs;
  expires_at: EpochMs;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  workspace_id: number;
  name: string;
  token_hash: string;
  role: string;
  created_at: EpochMs;
  last_used_at: EpochMs | null;
  revoked_at: EpochMs | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: number | null;
  user_id: number | null;
  action: string;
  target: string | null;
  /** JSON text. */
  data: string;
  at: EpochMs;
}

export interface MetaTable {
  key: string;
  value: string;
}

export type PlatformTables = {
  workspaces: WorkspaceTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
};

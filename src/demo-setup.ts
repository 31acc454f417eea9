// The glue between the demo world's generator and a running relais: load it into an empty
// database, and remember its users' logins for the login page (demo mode only).
import { sql } from 'kysely';
import type { Database } from './platform/db/connect.ts';
import { hashPassword } from './platform/auth/password.ts';
import { DEMO_USERS_META_KEY } from './platform/http/auth-routes.ts';
import { loadDemoWorld } from './demo/load.ts';

export type DemoSize = 'small' | 'medium' | 'large';

export interface DemoOptions {
  size: DemoSize;
  seed: number;
}

export interface DemoUserLogin {
  email: string;
  password: string;
  role: string;
  name: string;
}

export async function storedDemoUsers(database: Database): Promise<DemoUserLogin[]> {
  const row = await database.db.selectFrom('meta').select('value').where('key', '=', DEMO_USERS_META_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as DemoUserLogin[]) : [];
}

/** Loads the demo world and records its users; the caller checks the database is the right one. */
export async function loadDemo(
  database: Database,
  options: DemoOptions,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<{ seconds: number; users: DemoUserLogin[]; summary: Awaited<ReturnType<typeof loadDemoWorld>> }> {
  const started = performance.now();
  const summary = await loadDemoWorld(database, { seed: options.seed, size: options.size, hashPassword, onProgress });
  const users: DemoUserLogin[] = summary.users.map((u) => ({ email: u.email, password: u.password, role: u.role, name: u.name }));
  await database.db
    .insertInto('meta')
    .values({ key: DEMO_USERS_META_KEY, value: JSON.stringify(users) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(users) }))
    .execute();
  // The load went through the WAL: fold it into the database file now, or the WAL would keep
  // a second copy of the whole world on disk until the next automatic checkpoint.
  if (database.dialect === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
  return { seconds: (performance.now() - started) / 1000, users, summary };
}

/** Loads the demo world when the database has no workspace yet. */
export async function loadDemoIfEmpty(
  database: Database,
  options: DemoOptions,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<{ loaded: boolean; seconds: number; users: DemoUserLogin[] }> {
  const any = await database.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (any) return { loaded: false, seconds: 0, users: await storedDemoUsers(database) };
  const { seconds, users } = await loadDemo(database, options, onProgress);
  return { loaded: true, seconds, users };
}

// The first start of an empty install creates an administrator with a password printed once.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/schema.ts';
import { generatePassword } from './password.ts';
import { countUsers, createUser } from './store.ts';

export const FIRST_ADMIN_EMAIL = 'admin@relais.local';

/** Creates the administrator when there is no user at all; returns its login, or null. */
export async function ensureFirstAdmin(db: Kysely<PlatformTables>, now: number): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = generatePassword();
  await createUser(db, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', password, isAdmin: true, now });
  return { email: FIRST_ADMIN_EMAIL, password };
}

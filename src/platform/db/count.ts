// How many rows of a workspace a table holds: the overview's counts.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function countInWorkspace(db: Kysely<any>, table: string, workspaceId: number): Promise<number> {
  const row = (await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow()) as { n: number | string };
  return Number(row.n);
}

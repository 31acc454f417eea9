// A workspace's tie-strength settings: the recency half-life, the strong threshold, the Dunbar
// cap and the formula's weights — the defaults of tie-strength.ts until a user changes them or
// calibrates the weights on ties they labelled (calibration.ts). Saving them marks the graph changed, so the
// analysis (and every read) follows.
import type { Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import type { PlatformTables } from '../platform/db/schema.ts';
import { bumpGraphVersion } from './interactions.ts';
import type { SettingsInputSchema } from './schemas.ts';
import type { MapTables } from './tables.ts';
import { DEFAULTS, type TieStrengthOptions } from './tie-strength.ts';


/** The workspace's settings, defaults filled in. */
export async function loadSettings(db: Kysely<PlatformTables>, workspaceId: number): Promise<TieStrengthOptions> {
  const row = await db.withTables<MapTables>().selectFrom('map_settings').select('settings').where('workspace_id', '=', workspaceId).executeTakeFirst();
  const saved = row ? (JSON.parse(row.settings) as Partial<TieStrengthOptions>) : {};
  return { ...DEFAULTS, ...saved, weights: { ...DEFAULTS.weights, ...saved.weights } };
}

/** Changes some settings (the rest stay); returns them all. */
export async function saveSettings(db: Kysely<PlatformTables>, workspaceId: number, change: z.infer<typeof SettingsInputSchema>, now: number): Promise<TieStrengthOptions> {
  const current = await loadSettings(db, workspaceId);
  const next: TieStrengthOptions = { ...current, ...change, weights: { ...current.weights, ...change.weights } };
  await db.transaction().execute(async (trx) => {
    await trx.withTables<MapTables>().insertInto('map_settings').values({ workspace_id: workspaceId, settings: JSON.stringify(next), updated_at: now })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings: JSON.stringify(next), updated_at: now })).execute();
    await bumpGraphVersion(trx, workspaceId, now);
  });
  return next;
}


// Calibrating the tie-strength weights on ties a user labelled strong or weak: each labelled
// tie's current features (tie-strength.ts) go into the logistic regression of `calibrate`, and
// the fitted weights become the workspace's.
import type { Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import { splitCsvLine } from '../graph/index.ts';
import type { ListenTables } from '../listen/tables.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import type { CalibrationSchema } from './schemas.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { calibrate, type LabelledTie } from './tie-strength.ts';
import { loadTies } from './tie-store.ts';

const TRUE = new Set(['1', 'true', 'strong', 'yes', 'oui', 'fort']);
const FALSE = new Set(['0', 'false', 'weak', 'no', 'non', 'faible']);

/**
 * Calibrates the weights on labelled ties — CSV lines `source,target,strong|weak` (handles or
 * account ids; a header is skipped) — using each tie's current features, and saves them.
 * Lines naming no tie of the graph are reported by number and left out.
 */
export async function calibrateWorkspace(db: Kysely<PlatformTables>, workspaceId: number, text: string, now: number): Promise<z.infer<typeof CalibrationSchema>> {
  const settings = await loadSettings(db, workspaceId);
  const { ties, indexOf } = await loadTies(db, workspaceId, now, settings);
  const accounts = await db.withTables<ListenTables>().selectFrom('accounts').select(['id', 'handle']).where('workspace_id', '=', workspaceId).execute();
  const byHandle = new Map<string, number>();
  for (const a of accounts) if (!byHandle.has(a.handle)) byHandle.set(a.handle, Number(a.id));
  const node = (ref: string): number | undefined => {
    const id = /^\d+$/.test(ref) && !byHandle.has(ref) ? Number(ref) : byHandle.get(ref.replace(/^@/, ''));
    return id === undefined ? undefined : indexOf.get(id);
  };
  const labelled: LabelledTie[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.startsWith('#')) return;
    const fields = splitCsvLine(raw, raw.includes('\t') ? '\t' : ',') ?? [];
    const [a = '', b = '', label = ''] = fields.map((f) => f.trim());
    if (line === 1 && !TRUE.has(label.toLowerCase()) && !FALSE.has(label.toLowerCase())) return; // a header
    const strong = TRUE.has(label.toLowerCase()) ? true : FALSE.has(label.toLowerCase()) ? false : undefined;
    if (strong === undefined) { problems.push({ line, message: `label "${label}" is neither strong nor weak` }); return; }
    const u = node(a), v = node(b);
    if (u === undefined || v === undefined) { problems.push({ line, message: `no account ${u === undefined ? a : b} with ties in this workspace` }); return; }
    let arc = -1;
    for (let x = ties.pairs.offsets[u]!; x < ties.pairs.offsets[u + 1]!; x++) if (ties.pairs.targets[x] === v) arc = x;
    if (arc < 0) { problems.push({ line, message: `${a} and ${b} have no tie` }); return; }
    const kinds = ties.kinds[arc]!;
    let multiplexity = 0;
    for (let k = kinds; k; k &= k - 1) multiplexity++;
    labelled.push({ strong, features: { frequency: ties.frequency[arc]!, recency: ties.recency[arc]!, reciprocity: ties.reciprocity[arc]!, embeddedness: ties.embeddedness[arc]!, multiplexity: Math.max(1, multiplexity) } });
  });
  const strongCount = labelled.filter((t) => t.strong).length;
  if (strongCount === 0 || strongCount === labelled.length) {
    throw new RelaisError('RELAIS_FILE_INVALID', `Calibration needs ties labelled strong and ties labelled weak among the ties of the graph (${labelled.length} usable, ${strongCount} strong).`, { line: problems[0]?.line ?? 1, problems: problems.slice(0, 50) });
  }
  const fit = calibrate(labelled);
  await saveSettings(db, workspaceId, { weights: fit.weights }, now);
  return { used: labelled.length, strong: strongCount, weights: fit.weights, accuracy: fit.accuracy, logLikelihood: fit.logLikelihood, problems };
}

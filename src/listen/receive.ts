// Untrusted items in (the webhook's JSON, an NDJSON file's lines): each checked on its own, the
// bad ones written to the ingest log with where they were, the rest ingested.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { ingestMentions, type Enricher, type IngestResult } from './ingest.ts';
import type { MentionInput } from './model.ts';
import { MentionInputSchema } from './schemas.ts';
import type { ListenTables } from './tables.ts';
import type { TopicIndex } from './topics.ts';

export interface Rejected {
  /** 0-based index in the batch (the webhook) — files say the line in `position`. */
  index: number;
  position: string;
  field: string;
  message: string;
}

export interface ReceiveResult extends IngestResult {
  rejected: Rejected[];
}

export interface ReceiveDeps {
  db: Kysely<PlatformTables>;
  topics: TopicIndex;
  enrich?: Enricher;
  now: number;
}

/** Checks one item; returns the mention or what is wrong with it. */
export function checkItem(item: unknown): { ok: true; mention: MentionInput } | { ok: false; field: string; message: string } {
  const parsed = MentionInputSchema.safeParse(item);
  if (parsed.success) return { ok: true, mention: parsed.data as MentionInput };
  const issue = parsed.error.issues[0]!;
  return { ok: false, field: issue.path.map(String).join('.') || '(item)', message: issue.message };
}

export async function receiveItems(
  deps: ReceiveDeps,
  workspaceId: number,
  items: ReadonlyArray<{ item: unknown; position: string } | { error: string; position: string }>,
  source: string,
): Promise<ReceiveResult> {
  const good: MentionInput[] = [];
  const rejected: Rejected[] = [];
  items.forEach((entry, index) => {
    if ('error' in entry) {
      rejected.push({ index, position: entry.position, field: '(item)', message: entry.error });
      return;
    }
    const checked = checkItem(entry.item);
    if (checked.ok) good.push(checked.mention);
    else rejected.push({ index, position: entry.position, field: checked.field, message: checked.message });
  });
  if (rejected.length > 0) {
    const log = deps.db.withTables<ListenTables>();
    for (let i = 0; i < rejected.length; i += 1000) {
      await log
        .insertInto('ingest_log')
        .values(rejected.slice(i, i + 1000).map((r) => ({ workspace_id: workspaceId, source, position: r.position, message: `${r.field}: ${r.message}`, at: deps.now })))
        .execute();
    }
  }
  const result = good.length > 0 ? await ingestMentions(deps, workspaceId, good) : { received: 0, inserted: 0, duplicates: 0, topicMatches: {} };
  return { ...result, received: items.length, rejected };
}

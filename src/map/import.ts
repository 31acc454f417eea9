// Imports of ties into a workspace: edge lists (CSV, TSV, SNAP), GML, GEXF, GraphML, and
// follower / following exports (one handle a line, for one account). Nodes become accounts
// (found by handle, else created on the import's network); ties become edges, both ways for an
// undirected graph. Everything is written in one transaction, or nothing; bad lines are
// reported with their numbers and the rest loads; a file in another format than claimed is
// refused. Re-importing the same file replaces its ties' weights rather than adding them.
import type { Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import { EdgeCollector, forEachLine, PARSE_DEFAULTS, parseCsv, parseGexf, parseGml, parseGraphml, parseSnap, splitCsvLine, type NodeId, type ParseResult } from '../graph/index.ts';
import type { ListenTables } from '../listen/tables.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { asPlatform, bumpGraphVersion } from './interactions.ts';
import type { ImportInputSchema, ImportResultSchema } from './schemas.ts';
import type { MapTables } from './tables.ts';

export type ImportInput = z.input<typeof ImportInputSchema>;
export type ImportResult = z.infer<typeof ImportResultSchema>;

interface Parsed { result: ParseResult<NodeId>; labels?: string[] }

const HANDLE_COLUMNS = ['handle', 'username', 'screen_name', 'acct', 'account', 'user', 'login', 'name'];

/** A follower/following export: the handles, one a line (first column, or a handle-like header). */
export function parseHandles(text: string, account: string, direction: 'followers' | 'following'): Parsed {
  const out = new EdgeCollector<string>(1000);
  const self = out.node(account.replace(/^@/, ''));
  let column = 0, delimiter: string | undefined, first = true;
  forEachLine(text, (start, end, line) => {
    const raw = text.slice(start, end);
    if (!raw.trim() || raw.startsWith('#')) return;
    delimiter ??= raw.includes('\t') ? '\t' : raw.includes(',') ? ',' : raw.includes(';') ? ';' : '\t';
    const fields = splitCsvLine(raw, delimiter);
    if (!fields) { out.error(line, 'unterminated quoted field'); return; }
    if (first) {
      first = false;
      const at = fields.findIndex((f) => HANDLE_COLUMNS.includes(f.toLowerCase()));
      if (at >= 0) { column = at; return; }
    }
    const handle = (fields[column] ?? '').trim().replace(/^@/, '');
    if (!handle) { out.error(line, `no handle in column ${column + 1}`); return; }
    if (/\s/.test(handle)) { out.error(line, `"${handle}" is not a handle (it has spaces)`); return; }
    const h = out.node(handle);
    if (direction === 'followers') out.edge(h, self, undefined, line); else out.edge(self, h, undefined, line);
  });
  return { result: out.finish({ ...PARSE_DEFAULTS, directed: true, dropSelfLoops: true }) };
}

/** Parses the text as the format says, refusing what is plainly another format. */
export function parseImport(input: ImportInput): Parsed {
  const { format, text } = input;
  const looksXml = /^\s*(<\?xml|<[a-zA-Z])/.test(text);
  const directed = input.directed ?? true;
  if (looksXml && !['gexf', 'graphml'].includes(format)) {
    throw new RelaisError('RELAIS_FILE_INVALID', `This file is XML (GEXF or GraphML?), not ${format.toUpperCase()}.`, { line: 1, field: 'format', hint: 'choose the format gexf or graphml' });
  }
  switch (format) {
    case 'csv': return { result: parseCsv(text, { directed, delimiter: ',' }) };
    case 'tsv': return { result: parseCsv(text, { directed, delimiter: '\t' }) };
    case 'snap': return { result: parseSnap(text, { directed }) };
    case 'gml': { const r = parseGml(text, input.directed === undefined ? {} : { directed }); return { result: r, labels: r.labels }; }
    case 'gexf': { const r = parseGexf(text, input.directed === undefined ? {} : { directed }); return { result: r, labels: r.labels }; }
    case 'graphml': { const r = parseGraphml(text, input.directed === undefined ? {} : { directed }); return { result: r, labels: r.labels }; }
    case 'followers':
    case 'following':
      if (!input.account) throw new RelaisError('RELAIS_REQUEST_INVALID', `A ${format} export needs the account whose ${format} it lists.`, { field: 'account' });
      return parseHandles(text, input.account, format);
  }
}

/** The handle each node gets: its label when labels are unique in the file, else its id. */
export function nodeHandles(ids: readonly NodeId[], labels: readonly string[] | undefined): string[] {
  const clean = (s: string) => s.trim().replace(/^@/, '');
  if (labels && labels.length === ids.length) {
    const seen = new Set(labels.map(clean));
    if (seen.size === labels.length && !seen.has('')) return labels.map(clean);
  }
  return ids.map((id) => clean(String(id)));
}

/** Parses and stores an import; returns what loaded and what did not. */
export async function importGraph(platformDb: Kysely<PlatformTables>, workspaceId: number, input: ImportInput, now: number): Promise<ImportResult> {
  const { result, labels } = parseImport(input);
  const { graph, ids, errors, warnings } = result;
  if (graph.m === 0) {
    const first = errors[0];
    throw new RelaisError('RELAIS_FILE_INVALID', first ? `Nothing could be imported: line ${first.line}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : ''}.` : 'The file holds no tie.', { line: first?.line ?? 1, errors: errors.slice(0, 50) });
  }
  const network = input.network ?? 'import';
  const kind = input.kind ?? (input.format === 'followers' || input.format === 'following' ? 'follows' : 'link');
  const handles = nodeHandles(ids, labels);
  const displayNames = labels && labels.length === ids.length ? labels : undefined;
  const db = platformDb.withTables<ListenTables & MapTables>();
  return db.transaction().execute(async (trx) => {
    // Existing accounts by handle: on the import's network first, then on any network.
    const accountOf = new Map<string, number>();
    for (let i = 0; i < handles.length; i += 1000) {
      const chunk = handles.slice(i, i + 1000);
      const rows = await trx.selectFrom('accounts').select(['id', 'network', 'handle']).where('workspace_id', '=', workspaceId).where('handle', 'in', chunk).execute();
      for (const r of rows) if (r.network === network || !accountOf.has(r.handle)) accountOf.set(r.handle, Number(r.id));
    }
    const missing = handles.map((h, i) => ({ h, i })).filter(({ h }) => !accountOf.has(h));
    let accountsCreated = 0;
    for (let i = 0; i < missing.length; i += 1000) {
      const rows = missing.slice(i, i + 1000).map(({ h, i: k }) => ({
        workspace_id: workspaceId, network, handle: h, display_name: displayNames && displayNames[k] !== h ? displayNames[k]! : null, profile_url: null, bio: null, location: null, country: null,
        followers: 0, following: 0, kind: 'person', gender: null, gender_p: null, affiliation: null, team: null, created_at: now,
      }));
      const inserted = await trx.insertInto('accounts').values(rows).onConflict((oc) => oc.doNothing()).returning(['id', 'handle']).execute();
      accountsCreated += inserted.length;
      for (const r of inserted) accountOf.set(r.handle, Number(r.id));
    }
    const accountIds = handles.map((h) => accountOf.get(h)!);
    const rows: Array<{ workspace_id: number; source_id: number; target_id: number; kind: string; count: number; weight: number; first_at: number; last_at: number }> = [];
    for (let u = 0; u < graph.n; u++) {
      for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
        const v = graph.targets[a]!;
        if (u === v) continue;
        const w = graph.weights ? graph.weights[a]! : 1;
        rows.push({ workspace_id: workspaceId, source_id: accountIds[u]!, target_id: accountIds[v]!, kind, count: Math.max(1, Math.round(Math.abs(w))), weight: w, first_at: now, last_at: now });
      }
    }
    for (let i = 0; i < rows.length; i += 1000) {
      await trx.withTables<MapTables>().insertInto('edges').values(rows.slice(i, i + 1000))
        .onConflict((oc) => oc.columns(['workspace_id', 'source_id', 'target_id', 'kind']).doUpdateSet((eb) => ({ count: eb.ref('excluded.count'), weight: eb.ref('excluded.weight'), last_at: eb.ref('excluded.last_at') })))
        .execute();
    }
    await bumpGraphVersion(asPlatform(trx), workspaceId, now);
    return { nodes: graph.n, edges: graph.directed ? rows.length : rows.length / 2, accountsCreated, errors, warnings };
  });
}

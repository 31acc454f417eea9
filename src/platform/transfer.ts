// `relais export` and `relais import`: a workspace as NDJSON, one row a line, so that it can be
// moved between installs and between SQLite and PostgreSQL. An import runs in one transaction:
// a bad line leaves the database as it was.
//
// Format: the first line is {"type":"relais-export","version":1,"workspace":{slug,name,settings}};
// every other line is {"table": name, "row": {column: value, …}} without `workspace_id`.
import { sql, type Kysely } from 'kysely';
import type { TransferTable } from './capability.ts';
import type { Database } from './db/connect.ts';
import { RelaisError } from './errors.ts';
import { FULL_TEXT_COLUMN } from './db/full-text.ts';

export const EXPORT_FORMAT = 'relais-export';
const PAGE = 5000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

function keyOf(table: TransferTable): readonly string[] {
  return table.key ?? ['id'];
}

/** Writes the workspace line by line through `write`; returns the row count per table. */
export async function exportWorkspace(
  database: Database,
  tables: readonly TransferTable[],
  slug: string,
  write: (line: string) => Promise<void> | void,
  onProgress?: (done: number, label: string) => void,
): Promise<Record<string, number>> {
  const db = database.db as unknown as AnyDb;
  const workspace = await database.db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
  await write(JSON.stringify({ type: EXPORT_FORMAT, version: 1, workspace: { slug: workspace.slug, name: workspace.name, settings: JSON.parse(workspace.settings) as unknown } }));
  const counts: Record<string, number> = {};
  let done = 0;
  for (const table of tables) {
    const key = keyOf(table);
    let after: unknown[] | undefined;
    let count = 0;
    for (;;) {
      let query = db.selectFrom(table.table).selectAll().where('workspace_id', '=', workspace.id);
      if (after) {
        const columns = sql.join(key.map((k) => sql.ref(k)));
        query = query.where(sql<boolean>`(${columns}) > (${sql.join(after)})`);
      }
      for (const column of key) query = query.orderBy(column);
      const rows = (await query.limit(PAGE).execute()) as Row[];
      for (const row of rows) {
        const { workspace_id: _ws, [FULL_TEXT_COLUMN]: _search, ...rest } = row;
        await write(JSON.stringify({ table: table.table, row: rest }));
      }
      count += rows.length;
      done += rows.length;
      onProgress?.(done, table.table);
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1]!;
      after = key.map((k) => last[k]);
    }
    counts[table.table] = count;
  }
  return counts;
}

function parseLine(text: string, line: number): Row {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Row;
  } catch {
    // reported below
  }
  throw new RelaisError('RELAIS_FILE_INVALID', `Line ${line} is not a JSON object.`, { line });
}

/**
 * Reads an export and creates the workspace `slug` (or the one the file names) from it.
 * Refuses an existing slug: nothing is overwritten. Ids are renumbered after the ids in use.
 */
export async function importWorkspace(
  database: Database,
  tables: readonly TransferTable[],
  lines: AsyncIterable<string>,
  options: { slug?: string; now: number; onProgress?: (done: number, label: string) => void },
): Promise<{ slug: string; counts: Record<string, number> }> {
  const byName = new Map(tables.map((t) => [t.table, t]));
  return (database.db as unknown as AnyDb).transaction().execute(async (trx) => {
    let lineNumber = 0;
    let workspaceId: number | undefined;
    let slug = '';
    const idMaps = new Map<string, Map<number, number>>();
    const nextId = new Map<string, number>();
    const counts: Record<string, number> = {};
    const pending = new Map<string, Row[]>();
    const flush = async (name: string, firstLine: number) => {
      const rows = pending.get(name);
      if (!rows?.length) return;
      pending.set(name, []);
      try {
        await trx.insertInto(name).values(rows).execute();
      } catch (error) {
        throw new RelaisError('RELAIS_FILE_INVALID', `Rows of table ${name} from line ${firstLine} could not be written: ${(error as Error).message}`, { line: firstLine });
      }
    };
    const batchStart = new Map<string, number>();
    for await (const text of lines) {
      lineNumber += 1;
      if (!text.trim()) continue;
      const record = parseLine(text, lineNumber);
      if (lineNumber === 1) {
        const ws = record.workspace as Row | undefined;
        if (record.type !== EXPORT_FORMAT || !ws || typeof ws.slug !== 'string') {
          throw new RelaisError('RELAIS_FILE_INVALID', 'Line 1 is not the header of a relais export.', { line: 1, hint: 'make the file with `relais export`' });
        }
        slug = options.slug ?? ws.slug;
        const exists = await trx.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst();
        if (exists) throw new RelaisError('RELAIS_CONFLICT', `The workspace ${slug} exists already; nothing was imported.`, { field: '--workspace', hint: 'import under another slug with --workspace' });
        const created = await trx
          .insertInto('workspaces')
          .values({ slug, name: String(ws.name ?? slug), settings: JSON.stringify(ws.settings ?? {}), created_at: options.now })
          .returning('id')
          .executeTakeFirstOrThrow();
        workspaceId = Number(created.id);
        continue;
      }
      const table = byName.get(String(record.table));
      const row = record.row as Row | undefined;
      if (!table || !row || typeof row !== 'object') {
        throw new RelaisError('RELAIS_FILE_INVALID', `Line ${lineNumber}: unknown table "${String(record.table)}" or no row.`, { line: lineNumber, field: 'table' });
      }
      const out: Row = { ...row, workspace_id: workspaceId };
      for (const column of table.clear ?? []) out[column] = null;
      for (const [column, target] of Object.entries(table.refs ?? {})) {
        if (out[column] === null || out[column] === undefined) continue;
        const mapped = idMaps.get(target)?.get(Number(out[column]));
        if (mapped === undefined) throw new RelaisError('RELAIS_FILE_INVALID', `Line ${lineNumber}: ${column} ${String(out[column])} names no ${target} row before it.`, { line: lineNumber, field: column });
        out[column] = mapped;
      }
      if (table.hasId) {
        if (!nextId.has(table.table)) {
          const max = await trx.selectFrom(table.table).select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
          nextId.set(table.table, Number(max?.m ?? 0) + 1);
          idMaps.set(table.table, new Map());
        }
        const id = nextId.get(table.table)!;
        nextId.set(table.table, id + 1);
        idMaps.get(table.table)!.set(Number(row.id), id);
        out.id = id;
      }
      // Rows of a referenced table must be written before rows that point at them.
      for (const target of Object.values(table.refs ?? {})) await flush(target, batchStart.get(target) ?? lineNumber);
      if (!pending.get(table.table)?.length) batchStart.set(table.table, lineNumber);
      const rows = pending.get(table.table) ?? [];
      rows.push(out);
      pending.set(table.table, rows);
      const columnCount = Object.keys(out).length;
      if (rows.length * columnCount > 20_000) await flush(table.table, batchStart.get(table.table)!);
      counts[table.table] = (counts[table.table] ?? 0) + 1;
      if (lineNumber % 5000 === 0) options.onProgress?.(lineNumber, table.table);
    }
    if (workspaceId === undefined) throw new RelaisError('RELAIS_FILE_INVALID', 'The file is empty.', { line: 1 });
    for (const name of pending.keys()) await flush(name, batchStart.get(name) ?? lineNumber);
    if (database.dialect === 'postgres') {
      for (const name of nextId.keys()) await sql`select setval(pg_get_serial_sequence(${name}, 'id'), (select max(id) from ${sql.table(name)}))`.execute(trx);
    }
    return { slug, counts };
  });
}


// Fast bulk inserts through Kysely on both dialects: multi-row INSERTs of pre-built SQL (one
// statement text per batch size, so SQLite's prepared-statement cache hits and Kysely skips
// building a query tree per row). Batches stay under each dialect's parameter limit
// (SQLite 32,766; PostgreSQL 65,535).
import { CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from '../platform/db/connect.ts';

const MAX_PARAMETERS: Record<Dialect, number> = { sqlite: 32_000, postgres: 60_000 };
const MAX_ROWS = 2_000;

export interface BulkInsert {
  table: string;
  columns: readonly string[];
  count: number;
  /** The values of row i, in `columns` order. */
  row: (i: number) => readonly unknown[];
  /** Columns to read back. Their order is not guaranteed to follow the rows': key on them. */
  returning?: readonly string[];
  /** Called after each batch with the number of rows written so far. */
  onBatch?: (done: number) => void;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const statements = new Map<string, string>();

function statement(dialect: Dialect, table: string, columns: readonly string[], rows: number, returning: readonly string[] | undefined): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}|${returning?.join(',') ?? ''}`;
  const cached = statements.get(key);
  if (cached) return cached;
  const width = columns.length;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    const marks: string[] = [];
    for (let c = 0; c < width; c += 1) marks.push(dialect === 'postgres' ? `$${r * width + c + 1}` : '?');
    tuples.push(`(${marks.join(',')})`);
  }
  const text = `insert into ${quote(table)} (${columns.map(quote).join(',')}) values ${tuples.join(',')}${returning ? ` returning ${returning.map(quote).join(',')}` : ''}`;
  if (statements.size > 64) statements.clear();
  statements.set(key, text);
  return text;
}

/** Inserts `count` rows in batches; returns the `returning` rows, batch after batch. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function bulkInsert<R = Record<string, unknown>>(db: Kysely<any>, dialect: Dialect, spec: BulkInsert): Promise<R[]> {
  const perBatch = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS[dialect] / spec.columns.length)));
  const out: R[] = [];
  for (let start = 0; start < spec.count; start += perBatch) {
    const end = Math.min(spec.count, start + perBatch);
    const parameters: unknown[] = [];
    for (let i = start; i < end; i += 1) for (const value of spec.row(i)) parameters.push(value);
    const result = await db.executeQuery<R>(CompiledQuery.raw(statement(dialect, spec.table, spec.columns, end - start, spec.returning), parameters));
    if (spec.returning) for (const row of result.rows) out.push(row);
    spec.onBatch?.(end);
  }
  return out;
}

// Full-text search on both dialects, accent- and case-insensitive:
// - SQLite: an FTS5 external-content table (`<table>_fts`, tokenizer unicode61 with
//   remove_diacritics 2) kept in step by triggers;
// - PostgreSQL: a stored generated tsvector column `search` over a text search configuration
//   `relais` (simple + unaccent), with a GIN index.
// A table indexed here needs an integer primary key `id`.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Dialect } from './connect.ts';

export interface FullTextIndex {
  table: string;
  columns: string[];
}

/** The generated tsvector column on PostgreSQL: derived, so never exported or written. */
export const FULL_TEXT_COLUMN = 'search';

/** Migration step: creates the index for `table` over `columns`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createFullTextIndex(db: Kysely<any>, dialect: Dialect, index: FullTextIndex): Promise<void> {
  const { table, columns } = index;
  if (dialect === 'sqlite') {
    const fts = `${table}_fts`;
    const cols = columns.join(', ');
    const newCols = columns.map((c) => `new.${c}`).join(', ');
    const oldCols = columns.map((c) => `old.${c}`).join(', ');
    await sql
      .raw(
        `create virtual table ${fts} using fts5(${cols}, content='${table}', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
      )
      .execute(db);
    await sql.raw(`create trigger ${table}_fts_insert after insert on ${table} begin insert into ${fts}(rowid, ${cols}) values (new.id, ${newCols}); end`).execute(db);
    await sql
      .raw(`create trigger ${table}_fts_delete after delete on ${table} begin insert into ${fts}(${fts}, rowid, ${cols}) values ('delete', old.id, ${oldCols}); end`)
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_fts_update after update of ${cols} on ${table} begin insert into ${fts}(${fts}, rowid, ${cols}) values ('delete', old.id, ${oldCols}); insert into ${fts}(rowid, ${cols}) values (new.id, ${newCols}); end`,
      )
      .execute(db);
    return;
  }
  await ensureTextSearchConfiguration(db);
  const document = columns.map((c) => `coalesce(${c}, '')`).join(` || ' ' || `);
  await sql
    .raw(`alter table ${table} add column ${FULL_TEXT_COLUMN} tsvector generated always as (to_tsvector('relais', ${document})) stored`)
    .execute(db);
  await sql.raw(`create index ${table}_search_idx on ${table} using gin (${FULL_TEXT_COLUMN})`).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ensureTextSearchConfiguration(db: Kysely<any>): Promise<void> {
  // unaccent ships with PostgreSQL's contrib and is a trusted extension (PostgreSQL ≥ 13).
  // Two processes migrating at once may race to create it: the loser's error is harmless.
  // It goes in `public`, not in the current schema: an extension is one per database, and a
  // schema dropped later (tests drop theirs) would take it away from every other schema.
  try {
    await sql`create extension if not exists unaccent schema public`.execute(db);
  } catch (error) {
    if (!/already exists|duplicate key/.test(String((error as Error).message))) throw error;
  }
  const installed = await sql<{ schema: string }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'unaccent'`.execute(db);
  const dictionary = `${installed.rows[0]?.schema ?? 'public'}.unaccent`;
  const exists = await sql<{ n: number }>`select count(*)::int as n from pg_ts_config where cfgname = 'relais' and cfgnamespace = current_schema()::regnamespace`.execute(db);
  if ((exists.rows[0]?.n ?? 0) > 0) return;
  await sql`create text search configuration relais (copy = simple)`.execute(db);
  await sql.raw(`alter text search configuration relais alter mapping for hword, hword_part, word with ${dictionary}, simple`).execute(db);
}

/** Splits what a user typed into plain words (letters and digits), at most 32 of them. */
export function searchWords(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

/**
 * A WHERE expression: rows of `table` containing every word of `text` (prefix match on the
 * last word, so that search-as-you-type works). Empty text matches nothing.
 */
export function fullTextMatch(dialect: Dialect, table: string, text: string): Expression<SqlBool> {
  const words = searchWords(text);
  if (words.length === 0) return sql<SqlBool>`1 = 0`;
  if (dialect === 'sqlite') {
    const query = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
    return sql<SqlBool>`${sql.ref(`${table}.id`)} in (select rowid from ${sql.table(`${table}_fts`)} where ${sql.table(`${table}_fts`)} match ${query})`;
  }
  const query = words.map((w, i) => `${w.replace(/'/g, '')}${i === words.length - 1 ? ':*' : ''}`).join(' & ');
  return sql<SqlBool>`${sql.ref(`${table}.${FULL_TEXT_COLUMN}`)} @@ to_tsquery('relais', ${query})`;
}

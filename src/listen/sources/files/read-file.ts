// A file a user hands to `relais ingest` or uploads: its format told by its name and its content
// (NDJSON, CSV/TSV, an X archive's tweets.js), decoded, and read into mention JSON items, each
// with where it was ("line 12"), or the error that kept it out. The items are then checked and
// stored by receive.ts like the webhook's. Pure.
import { RelaisError } from '../../../platform/errors.ts';
import type { SourceType } from '../../model.ts';
import { detectDelimiter, DELIMITERS, type Delimiter, parseCsv } from './csv.ts';
import { type ColumnMapping, resolveMapping, rowToItem } from './csv-mapping.ts';
import { decodeFile } from './decode.ts';
import { looksLikeTweetsJs, readTweetsJs } from './tweets-js.ts';

export const FILE_FORMATS = ['ndjson', 'csv', 'tweets-js'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface ReadFileOptions {
  /** Forced; detected otherwise. */
  format?: FileFormat;
  encoding?: string;
  delimiter?: Delimiter;
  mapping?: ColumnMapping;
  /** CSV rows without a network or type column get these. */
  network?: string;
  sourceType?: SourceType;
  /** tweets.js: the archive owner's handle. */
  owner?: string;
}

export type FileItem = { item: unknown; position: string } | { error: string; position: string };

export interface ReadFile {
  format: FileFormat;
  encoding: string;
  delimiter: Delimiter | null;
  /** CSV: the mapping used, and the header's columns no field took. */
  mapping: ColumnMapping | null;
  header: string[] | null;
  unknownColumns: string[];
  items: FileItem[];
  /** The file's own problems (encoding repaired, truncated, unreadable), with where. */
  notes: Array<{ position: string; message: string }>;
}

/** The format: the extension when it says, else the content. */
export function detectFormat(name: string, text: string): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (looksLikeTweetsJs(text)) return 'tweets-js';
  if (ext === 'js') return 'tweets-js';
  if (/^\s*\{/.test(text)) return 'ndjson';
  return 'csv';
}

export function readNdjson(text: string): FileItem[] {
  const items: FileItem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const position = `line ${i + 1}`;
    try {
      items.push({ item: JSON.parse(line) as unknown, position });
    } catch (error) {
      // The last line of a truncated file is the usual case.
      items.push({ error: `not JSON (${(error as Error).message})${i === lines.length - 1 ? ' — the file may be truncated' : ''}`, position });
    }
  });
  return items;
}

export function readIngestFile(bytes: Uint8Array, name: string, options: ReadFileOptions = {}): ReadFile {
  const decoded = decodeFile(bytes, options.encoding);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const format = options.format ?? detectFormat(name, text);
  const notes = decoded.warnings.map((message) => ({ position: 'file', message }));
  const base = { format, encoding: decoded.encoding, delimiter: null, mapping: null, header: null, unknownColumns: [], notes };
  if (format === 'ndjson') return { ...base, items: readNdjson(text) };
  if (format === 'tweets-js') {
    const archive = readTweetsJs(text, options.owner ?? null);
    return { ...base, items: archive.items, notes: [...notes, ...archive.problems] };
  }
  if (options.delimiter && !(DELIMITERS as readonly string[]).includes(options.delimiter)) throw new RelaisError('RELAIS_REQUEST_INVALID', `The delimiter must be one of , ; tab |.`, { field: 'delimiter' });
  const delimiter = options.delimiter ?? (/\.tsv$/i.test(name) ? '\t' : detectDelimiter(text));
  const { records, problems } = parseCsv(text, delimiter);
  const [head, ...rows] = records;
  if (!head) return { ...base, delimiter, items: [], notes: [...notes, { position: 'line 1', message: 'The file is empty.' }] };
  const header = head.fields.map((h) => h.trim());
  const { mapping, unknownColumns } = resolveMapping(header, options.mapping);
  if (mapping.text === undefined && mapping.title === undefined) throw new RelaisError('RELAIS_REQUEST_INVALID', `No column holds the text (columns: ${header.join(', ')}).`, { field: 'mapping', hint: 'map one: --map text=COLUMN' });
  if (mapping.publishedAt === undefined) throw new RelaisError('RELAIS_REQUEST_INVALID', `No column holds the date (columns: ${header.join(', ')}).`, { field: 'mapping', hint: 'map one: --map publishedAt=COLUMN' });
  // An unclosed quote swallows the rest of the file into the last record: that record is the bad one.
  const last = rows[rows.length - 1];
  const defaults = { network: options.network ?? 'web', sourceType: options.sourceType ?? 'social' };
  const items: FileItem[] = rows.map((record) => {
    const position = `line ${record.line}`;
    if (problems.length > 0 && record === last) return { error: (problems[0] as { message: string }).message, position };
    const result = rowToItem(record, header, mapping, defaults);
    return 'error' in result ? { error: result.error, position } : { item: result.item, position };
  });
  if (unknownColumns.length > 0) notes.push({ position: 'line 1', message: `Columns left out (no field takes them; kept in each mention's raw payload): ${unknownColumns.join(', ')}.` });
  return { ...base, delimiter, mapping, header, unknownColumns, items, notes };
}

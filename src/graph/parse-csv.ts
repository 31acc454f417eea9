// CSV/TSV edge lists (RFC 4180, "Common format and MIME type for comma-separated values files",
// 2005: quoted fields with `""` for a quote, within one line), string ids, an optional header
// naming the columns, an optional weight column. Bad lines are reported with their number
// and skipped, as in parse.ts.
import { DEFAULTS as PARSE_DEFAULTS, EdgeCollector, forEachLine, parseNumber, type ParseOptions, type ParseResult } from './parse.ts';

/** Splits one CSV line (RFC 4180 quotes, `""` for a quote); undefined if a quote is left open. */
export function splitCsvLine(line: string, delimiter: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return undefined;
        value += line.slice(i, q);
        if (line[q + 1] === '"') { value += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      const next = line.indexOf(delimiter, i);
      fields.push(value + (next < 0 ? line.slice(i) : line.slice(i, next)).trim());
      if (next < 0) return fields;
      i = next + delimiter.length;
    } else {
      const next = line.indexOf(delimiter, i);
      fields.push((next < 0 ? line.slice(i) : line.slice(i, next)).trim());
      if (next < 0) return fields;
      i = next + delimiter.length;
    }
  }
}

/** Options of the CSV/TSV parser. */
export interface CsvOptions extends ParseOptions {
  /** Field separator; by default a tab if the first data line has one, else a comma. */
  delimiter?: string;
  /** Whether the first line names the columns; 'auto' looks for known names (source, target…). */
  header: boolean | 'auto';
  /** Column of each role: a header name or a 0-based index. Defaults: known names, else 0, 1, 2. */
  source?: string | number;
  target?: string | number;
  weight?: string | number;
}

/** The shared parser defaults, and a header detected by its column names. */
export const DEFAULTS: CsvOptions = { ...PARSE_DEFAULTS, header: 'auto' };

const NAMES = {
  source: ['source', 'src', 'from', 'u', 'node1', 'id1', 'follower', 'author'],
  target: ['target', 'dst', 'to', 'v', 'node2', 'id2', 'followed', 'following'],
  weight: ['weight', 'w', 'value', 'count'],
};

/**
 * Parses a CSV or TSV edge list with string ids. Example:
 * `parseCsv('source,target,weight\nann,bob,2\n').graph.weights` is `[2, 2]`.
 */
export function parseCsv(text: string, options: Partial<CsvOptions> = {}): ParseResult<string> {
  const opts: CsvOptions = { ...DEFAULTS, ...options };
  const out = new EdgeCollector<string>(opts.maxErrors);
  let columns: { source: number; target: number; weight: number } | undefined;
  let delimiter = opts.delimiter;
  forEachLine(text, (start, end, line) => {
    const raw = text.slice(start, end);
    if (raw.trim() === '' || raw.startsWith('#')) return;
    delimiter ??= raw.includes('\t') ? '\t' : ',';
    const fields = splitCsvLine(raw, delimiter);
    if (!fields) { out.error(line, 'unterminated quoted field'); return; }
    if (!columns) {
      const lower = fields.map((f) => f.toLowerCase());
      const isHeader = opts.header === 'auto' ? lower.some((f) => NAMES.source.includes(f) || NAMES.target.includes(f)) : opts.header;
      const find = (role: keyof typeof NAMES, fallback: number): number => {
        const chosen = opts[role];
        if (typeof chosen === 'number') return chosen;
        if (chosen !== undefined) return isHeader ? lower.indexOf(chosen.toLowerCase()) : -1;
        if (!isHeader) return fallback;
        const at = lower.findIndex((f) => NAMES[role].includes(f));
        return at >= 0 ? at : role === 'weight' ? -1 : fallback;
      };
      columns = { source: find('source', 0), target: find('target', 1), weight: find('weight', fields.length > 2 ? 2 : -1) };
      if (columns.source < 0 || columns.target < 0) {
        out.error(line, `no ${columns.source < 0 ? 'source' : 'target'} column "${String(opts[columns.source < 0 ? 'source' : 'target'])}"`);
        columns = { source: -1, target: -1, weight: -1 };
      }
      if (isHeader) return;
    }
    if (columns.source < 0) return;
    const u = fields[columns.source], v = fields[columns.target];
    if (!u || !v) { out.error(line, `missing ${!u ? 'source' : 'target'} (column ${(!u ? columns.source : columns.target) + 1})`); return; }
    let weight: number | undefined;
    if (columns.weight >= 0) {
      const w = fields[columns.weight] ?? '';
      weight = parseNumber(w);
      if (weight === undefined) { out.error(line, `weight "${w}" is not a number`); return; }
    }
    out.edge(out.node(u), out.node(v), weight, line);
  });
  return out.finish(opts);
}

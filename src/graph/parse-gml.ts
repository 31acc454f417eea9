// GML, the Graph Modelling Language: Himsolt, "GML: a portable graph file format", Universität
// Passau, 1997 — nested `key value` lists, `[ … ]` blocks, "strings", `#` comments. Reads the
// `graph` block's `directed`, `node [ id label ]` and `edge [ source target value|weight ]`,
// as Newman's network data (lesmis.gml, karate.gml) writes them. A node without an id, an edge
// to an unknown node or a weight that is not a number is reported with its line and skipped;
// a syntax error stops the reading there and keeps what came before it.
import { DEFAULTS, EdgeCollector, type ParseOptions, type ParseResult } from './parse.ts';

type GmlValue = number | string | GmlList;
interface GmlEntry { key: string; value: GmlValue; line: number }
type GmlList = GmlEntry[];

/** The shared parser defaults (parse.ts); `directed` comes from the file unless given. */
export { DEFAULTS };

/** A parsed GML graph: ids are GML ids, with labels. */
export interface GmlResult extends ParseResult<number> {
  /** Each node's `label` (its id when it has none). */
  labels: string[];
}

/**
 * Reads GML text into nested lists; stops at the first syntax error, which it reports, and
 * drops the blocks left open there (a half-read edge) except the outermost (the graph).
 */
function readGml(text: string): { root: GmlList; error?: { line: number; message: string } } {
  const stack: GmlList[] = [];
  const { root, error } = readLists(text, stack);
  if (error) for (let d = stack.length - 1; d >= 2; d--) stack[d - 1]!.pop();
  return { root, error };
}

function readLists(text: string, stack: GmlList[]): { root: GmlList; error?: { line: number; message: string } } {
  const root: GmlList = [];
  stack.push(root);
  let key: string | undefined, keyLine = 0;
  let line = 1, i = 0;
  const len = text.length;
  const put = (value: GmlValue): void => { stack.at(-1)!.push({ key: key!, value, line: keyLine }); key = undefined; };
  while (i < len) {
    const c = text[i]!;
    if (c === '\n') { line++; i++; continue; }
    if (c === '\r') {
      line++; i++;
      while (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#') { while (i < len && text[i] !== '\n' && text[i] !== '\r') i++; continue; }
    if (c === ']') {
      if (key !== undefined) return { root, error: { line, message: `"${key}" has no value` } };
      if (stack.length === 1) return { root, error: { line, message: 'unexpected "]"' } };
      stack.pop(); i++;
      continue;
    }
    if (key === undefined) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 256));
      if (!m) return { root, error: { line, message: `expected a key, found "${text.slice(i, i + 20).split(/[\r\n]/)[0]}"` } };
      key = m[0]; keyLine = line; i += m[0].length;
      continue;
    }
    if (c === '[') { const list: GmlList = []; put(list); stack.push(list); i++; continue; }
    if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return { root, error: { line, message: 'unterminated string' } };
      const s = text.slice(i + 1, close);
      put(s.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      line += s.split(/\r\n|\r|\n/).length - 1;
      i = close + 1;
      continue;
    }
    const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) return { root, error: { line, message: `"${key}" has no valid value` } };
    put(Number(m[0])); i += m[0].length;
  }
  if (key !== undefined) return { root, error: { line, message: `"${key}" has no value` } };
  if (stack.length > 1) return { root, error: { line, message: 'missing "]" at end of file' } };
  return { root };
}

const get = (list: GmlList, key: string): GmlEntry | undefined => list.find((e) => e.key === key);

/**
 * Parses GML. Example: `parseGml('graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 ] ]')`
 * gives a graph with 2 nodes and 1 edge, `ids` `[1, 2]`.
 */
export function parseGml(text: string, options: Partial<ParseOptions> = {}): GmlResult {
  const out = new EdgeCollector<number>(options.maxErrors ?? DEFAULTS.maxErrors);
  const { root, error } = readGml(text);
  if (error) out.error(error.line, error.message);
  const graph = root.find((e) => e.key === 'graph' && Array.isArray(e.value));
  if (!graph) {
    if (!error) out.error(1, 'no "graph [ … ]" block');
    return { ...out.finish({ ...DEFAULTS, ...options }), labels: [] };
  }
  const body = graph.value as GmlList;
  const directedEntry = get(body, 'directed');
  const directed = options.directed ?? directedEntry?.value === 1;
  const labels: string[] = [];
  for (const entry of body) {
    if (entry.key !== 'node') continue;
    if (!Array.isArray(entry.value)) { out.error(entry.line, 'node is not a [ … ] block'); continue; }
    const id = get(entry.value, 'id')?.value;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) { out.error(entry.line, 'node without an integer id'); continue; }
    if (out.indexOf.has(id)) { out.error(entry.line, `node id ${id} declared twice`); continue; }
    out.node(id);
    const label = get(entry.value, 'label')?.value;
    labels.push(typeof label === 'string' || typeof label === 'number' ? String(label) : String(id));
  }
  for (const entry of body) {
    if (entry.key !== 'edge') continue;
    if (!Array.isArray(entry.value)) { out.error(entry.line, 'edge is not a [ … ] block'); continue; }
    const ends: number[] = [];
    for (const role of ['source', 'target']) {
      const value = get(entry.value, role)?.value;
      const index = typeof value === 'number' ? out.indexOf.get(value) : undefined;
      if (index === undefined) out.error(entry.line, value === undefined ? `edge without a ${role}` : `edge ${role} ${JSON.stringify(value)} is not a declared node id`);
      else ends.push(index);
    }
    if (ends.length < 2) continue;
    const w = get(entry.value, 'value') ?? get(entry.value, 'weight');
    if (w !== undefined && typeof w.value !== 'number') { out.error(w.line, `edge ${w.key} is not a number`); continue; }
    out.edge(ends[0]!, ends[1]!, w?.value as number | undefined, entry.line);
  }
  return { ...out.finish({ ...DEFAULTS, ...options, directed }), labels };
}

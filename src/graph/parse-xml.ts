// GEXF and GraphML, the XML graph formats Gephi, yEd, igraph and NetworkX read and write:
// - GEXF 1.1–1.3 (gexf.net, "GEXF 1.3 specification", 2022): <graph defaultedgetype>,
//   <node id label>, <edge source target weight type>;
// - GraphML (Brandes, Eiglsperger, Herman, Himsolt & Marshall, "GraphML progress report",
//   Graph Drawing 2001; graphml.graphdrawing.org): <key id for attr.name>, <graph edgedefault>,
//   <node id>, <edge source target directed>, <data key> for labels and weights.
// Read with htmlparser2's tokenizer in XML mode (forgiving, no DTD entity expansion), with the
// line of each element from its source offset. An edge to an undeclared node, a weight that is
// not a number or a node declared twice is reported with its line and skipped; a document
// whose root is not the format's is refused at line 1; the rest loads as in parse.ts.
import { decodeHTMLAttribute, decodeXML } from 'entities';
import { Parser } from 'htmlparser2';
import { DEFAULTS, EdgeCollector, parseNumber, type ParseOptions, type ParseResult } from './parse.ts';

export { DEFAULTS };

/** A parsed GEXF or GraphML graph: ids as written, with labels. */
export interface XmlGraphResult extends ParseResult<string> {
  /** Each node's label (its id when it has none). */
  labels: string[];
  /** What the file said (defaultedgetype / edgedefault). */
  directed: boolean;
}

interface XmlElement { name: string; attrs: Record<string, string>; line: number; text: string; parent: XmlElement | null }

/** Walks the elements of an XML document, calling `open` and `close` with each element's line. */
function walk(text: string, open: (el: XmlElement) => void, close: (el: XmlElement) => void): void {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >>> 1; if (lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1; }
    return lo + 1;
  };
  const stack: XmlElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const decoded: Record<string, string> = {};
        for (const [k, v] of Object.entries(attrs)) decoded[k.toLowerCase()] = decodeHTMLAttribute(v);
        const colon = name.indexOf(':');
        const el: XmlElement = { name: (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase(), attrs: decoded, line: lineOf(parser.startIndex), text: '', parent: stack.at(-1) ?? null };
        stack.push(el);
        open(el);
      },
      ontext(chunk) { const top = stack.at(-1); if (top) top.text += chunk; },
      onclosetag() {
        const el = stack.pop();
        if (el) { el.text = decodeXML(el.text).trim(); close(el); }
      },
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.write(text);
  parser.end();
}

/** What both formats collect before resolving edges to node indices. */
interface PendingEdge { source: string | undefined; target: string | undefined; weight: string | undefined; line: number; directed?: boolean }

function resolve(out: EdgeCollector<string>, labels: string[], edges: PendingEdge[]): void {
  for (const e of edges) {
    const ends: number[] = [];
    for (const [role, id] of [['source', e.source], ['target', e.target]] as const) {
      const index = id === undefined ? undefined : out.indexOf.get(id);
      if (index === undefined) out.error(e.line, id === undefined ? `edge without a ${role}` : `edge ${role} "${id}" is not a declared node id`);
      else ends.push(index);
    }
    if (ends.length < 2) continue;
    let weight: number | undefined;
    if (e.weight !== undefined) {
      weight = parseNumber(e.weight.trim());
      if (weight === undefined) { out.error(e.line, `edge weight "${e.weight}" is not a number`); continue; }
    }
    out.edge(ends[0]!, ends[1]!, weight, e.line);
  }
  void labels;
}

function declareNode(out: EdgeCollector<string>, labels: string[], id: string | undefined, label: string | undefined, line: number): void {
  if (id === undefined || id === '') { out.error(line, 'node without an id'); return; }
  if (out.indexOf.has(id)) { out.error(line, `node id "${id}" declared twice`); return; }
  out.node(id);
  labels.push(label || id);
}

/**
 * Parses GEXF. Example: `parseGexf('<gexf><graph><nodes><node id="a"/><node id="b"/></nodes>
 * <edges><edge source="a" target="b"/></edges></graph></gexf>').graph.m` is 1.
 */
export function parseGexf(text: string, options: Partial<ParseOptions> = {}): XmlGraphResult {
  const out = new EdgeCollector<string>(options.maxErrors ?? DEFAULTS.maxErrors);
  const labels: string[] = [];
  const edges: PendingEdge[] = [];
  let root: string | undefined, directed = false, sawGraph = false;
  walk(
    text,
    (el) => {
      root ??= el.name;
      if (root !== 'gexf') return;
      if (el.name === 'graph' && !sawGraph) { sawGraph = true; directed = (el.attrs.defaultedgetype ?? 'undirected') === 'directed'; }
      else if (el.name === 'node' && el.parent?.name === 'nodes') declareNode(out, labels, el.attrs.id, el.attrs.label, el.line);
      else if (el.name === 'edge' && el.parent?.name === 'edges') edges.push({ source: el.attrs.source, target: el.attrs.target, weight: el.attrs.weight, line: el.line });
    },
    () => {},
  );
  if (root !== 'gexf') out.error(1, root === undefined ? 'not a GEXF file: no XML element found' : `not a GEXF file: the root element is <${root}>, not <gexf>`);
  else if (!sawGraph) out.error(1, 'no <graph> element');
  resolve(out, labels, edges);
  const finalDirected = options.directed ?? directed;
  return { ...out.finish({ ...DEFAULTS, ...options, directed: finalDirected }), labels, directed: finalDirected };
}

/**
 * Parses GraphML. The label is the node <data> whose key's attr.name is "label" or "name"; the
 * weight the edge <data> whose key's attr.name is "weight" (or "value").
 */
export function parseGraphml(text: string, options: Partial<ParseOptions> = {}): XmlGraphResult {
  const out = new EdgeCollector<string>(options.maxErrors ?? DEFAULTS.maxErrors);
  const labels: string[] = [];
  const edges: PendingEdge[] = [];
  const nodes: Array<{ id: string | undefined; label: string | undefined; line: number }> = [];
  let labelKey: string | undefined, weightKey: string | undefined;
  let root: string | undefined, directed = false, sawGraph = false;
  let current: { label?: string; weight?: string } | undefined;
  walk(
    text,
    (el) => {
      root ??= el.name;
      if (root !== 'graphml') return;
      if (el.name === 'key') {
        const name = (el.attrs['attr.name'] ?? '').toLowerCase();
        const target = el.attrs.for ?? 'all';
        if ((name === 'label' || name === 'name') && (target === 'node' || target === 'all') && !labelKey) labelKey = el.attrs.id;
        if ((name === 'weight' || name === 'value') && (target === 'edge' || target === 'all') && !weightKey) weightKey = el.attrs.id;
      } else if (el.name === 'graph' && !sawGraph) { sawGraph = true; directed = (el.attrs.edgedefault ?? 'directed') === 'directed'; }
      else if (el.name === 'node') { current = {}; nodes.push({ id: el.attrs.id, label: undefined, line: el.line }); }
      else if (el.name === 'edge') { current = {}; edges.push({ source: el.attrs.source, target: el.attrs.target, weight: undefined, line: el.line }); }
    },
    (el) => {
      if (root !== 'graphml') return;
      if (el.name === 'data' && current) {
        if (el.parent?.name === 'node' && el.attrs.key === labelKey) nodes.at(-1)!.label = el.text;
        if (el.parent?.name === 'edge' && el.attrs.key === weightKey) edges.at(-1)!.weight = el.text;
      } else if (el.name === 'node' || el.name === 'edge') current = undefined;
    },
  );
  if (root !== 'graphml') out.error(1, root === undefined ? 'not a GraphML file: no XML element found' : `not a GraphML file: the root element is <${root}>, not <graphml>`);
  else if (!sawGraph) out.error(1, 'no <graph> element');
  for (const n of nodes) declareNode(out, labels, n.id, n.label, n.line);
  resolve(out, labels, edges);
  const finalDirected = options.directed ?? directed;
  return { ...out.finish({ ...DEFAULTS, ...options, directed: finalDirected }), labels, directed: finalDirected };
}

// Exports of a workspace's ties for Gephi: GEXF 1.3 (gexf.net, "GEXF 1.3 specification",
// 2022: namespace http://gexf.net/1.3, typed <attributes>, <attvalues>, edge weights as double)
// and GraphML (Brandes et al., "GraphML progress report", Graph Drawing 2001; the
// http://graphml.graphdrawing.org/xmlns schema: <key> declarations, <data> values). One
// undirected edge per tie, weighted by its strength, with strong/weak and its kinds; nodes
// carry their handle, community, influence, followers and affiliation.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { kindNames } from './network.ts';
import { mapView } from './view.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportNode { id: number; label: string; network: string; community: number; influence: number; followers: number; affiliation: string | null }
export interface ExportEdge { source: number; target: number; strength: number; strong: boolean; kinds: string[] }

/** Escapes text for an XML attribute or element; drops characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const NODE_ATTRIBUTES = [
  ['community', 'integer', 'int'], ['influence', 'double', 'double'], ['followers', 'long', 'long'], ['network', 'string', 'string'], ['affiliation', 'string', 'string'],
] as const;
const EDGE_ATTRIBUTES = [['strength', 'double', 'double'], ['strong', 'boolean', 'boolean'], ['kinds', 'string', 'string']] as const;

const nodeValue = (n: ExportNode, key: (typeof NODE_ATTRIBUTES)[number][0]): string => (key === 'affiliation' ? (n.affiliation ?? '') : String(n[key]));
const edgeValue = (e: ExportEdge, key: (typeof EDGE_ATTRIBUTES)[number][0]): string => (key === 'kinds' ? e.kinds.join('|') : String(e[key]));

/** A GEXF 1.3 document. `date` is YYYY-MM-DD. */
export function writeGexf(nodes: readonly ExportNode[], edges: readonly ExportEdge[], date: string, description: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${date}">`,
    '    <creator>relais</creator>',
    `    <description>${xmlEscape(description)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of nodes) {
    out.push(`      <node id="${n.id}" label="${xmlEscape(n.label)}"><attvalues>${NODE_ATTRIBUTES.map(([id]) => `<attvalue for="${id}" value="${xmlEscape(nodeValue(n, id))}"/>`).join('')}</attvalues></node>`);
  }
  out.push('    </nodes>', '    <edges>');
  edges.forEach((e, i) => {
    out.push(`      <edge id="${i}" source="${e.source}" target="${e.target}" weight="${e.strength}"><attvalues>${EDGE_ATTRIBUTES.map(([id]) => `<attvalue for="${id}" value="${xmlEscape(edgeValue(e, id))}"/>`).join('')}</attvalues></edge>`);
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

/** A GraphML document (undirected, typed keys; `weight` holds the tie strength). */
export function writeGraphml(nodes: readonly ExportNode[], edges: readonly ExportEdge[], description: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlEscape(description)}</desc>`,
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRIBUTES.map(([id, , type]) => `  <key id="${id}" for="node" attr.name="${id}" attr.type="${type}"/>`),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    ...EDGE_ATTRIBUTES.map(([id, , type]) => `  <key id="${id}" for="edge" attr.name="${id}" attr.type="${type}"/>`),
    '  <graph id="G" edgedefault="undirected">',
  ];
  for (const n of nodes) {
    out.push(`    <node id="n${n.id}"><data key="label">${xmlEscape(n.label)}</data>${NODE_ATTRIBUTES.map(([id]) => `<data key="${id}">${xmlEscape(nodeValue(n, id))}</data>`).join('')}</node>`);
  }
  edges.forEach((e, i) => {
    out.push(`    <edge id="e${i}" source="n${e.source}" target="n${e.target}"><data key="weight">${e.strength}</data>${EDGE_ATTRIBUTES.map(([id]) => `<data key="${id}">${xmlEscape(edgeValue(e, id))}</data>`).join('')}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** The workspace's ties as a GEXF or GraphML document. */
export async function exportGraph(db: Kysely<PlatformTables>, workspaceId: number, format: ExportFormat, now: number): Promise<string> {
  const view = await mapView(db, workspaceId, now);
  const { ties } = view.ties;
  const nodes: ExportNode[] = view.accounts.map((a, u) => ({ id: a.id, label: a.network === 'web' ? a.handle : `@${a.handle}`, network: a.network, community: view.community[u]!, influence: Math.round(view.influence[u]! * 100) / 100, followers: a.followers, affiliation: a.affiliation }));
  const edges: ExportEdge[] = [];
  for (let u = 0; u < ties.pairs.n; u++) {
    for (let a = ties.pairs.offsets[u]!; a < ties.pairs.offsets[u + 1]!; a++) {
      const v = ties.pairs.targets[a]!;
      if (v < u) continue;
      edges.push({ source: view.ties.ids[u]!, target: view.ties.ids[v]!, strength: Math.round(ties.strength[a]! * 1e4) / 1e4, strong: ties.strong[a] === 1, kinds: kindNames(ties.kinds[a]!) });
    }
  }
  const date = new Date(now).toISOString().slice(0, 10);
  const description = `relais: the ties of workspace ${workspaceId}, weighted by tie strength; ${view.summary.communities} communities (modularity ${view.summary.modularity.toFixed(3)}).`;
  return format === 'gexf' ? writeGexf(nodes, edges, date, description) : writeGraphml(nodes, edges, description);
}

// The seeds on the network: the seeds and the followers around them (GET …/spread/network),
// drawn with sigma.js over a graphology graph. Layout: the seeds on a circle, each one's
// followers in a ring around it (shared followers sit with the first seed), so that overlap
// between audiences shows as arcs between the rings.
import { useEffect, useRef, useState } from 'react';
import { DirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function NetworkView({ workspace, seeds }: { workspace: string; seeds: string[] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const key = seeds.join(',');
  useEffect(() => {
    if (!box.current || seeds.length === 0) return;
    let renderer: Sigma | null = null;
    let stopped = false;
    void unwrap(api.GET('/api/v1/w/{workspace}/spread/network', { params: { path: { workspace }, query: { seeds: key } } })).then((net) => {
      if (stopped || !box.current) return;
      const graph = new DirectedGraph();
      const seedsOnly = net.nodes.filter((n) => n.seed);
      const place = new Map<number, { x: number; y: number }>();
      seedsOnly.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, seedsOnly.length);
        place.set(n.id, { x: Math.cos(angle), y: Math.sin(angle) });
      });
      // Each follower joins the ring of the first seed it follows.
      const ring = new Map<number, number[]>();
      for (const edge of net.edges) {
        const [u, v] = edge as [number, number];
        if (place.has(v) && !place.has(u) && ![...ring.values()].some((r) => r.includes(u))) ring.set(v, [...(ring.get(v) ?? []), u]);
      }
      for (const [seed, members] of ring) {
        const centre = place.get(seed)!;
        const radius = 0.12 + 0.02 * Math.sqrt(members.length);
        members.forEach((m, j) => {
          const angle = (2 * Math.PI * j) / members.length;
          place.set(m, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
        });
      }
      net.nodes.forEach((n, i) => {
        const at = place.get(n.id) ?? { x: 0.1 * Math.cos(i), y: 0.1 * Math.sin(i) };
        graph.addNode(String(n.id), { label: n.seed ? `@${n.handle}` : '', x: at.x, y: at.y, size: n.seed ? 8 : 2.5, color: n.seed ? '#b5562a' : '#6f8f86', forceLabel: n.seed });
      });
      for (const edge of net.edges) {
        const [u, v] = edge as [number, number];
        if (!graph.hasEdge(String(u), String(v))) graph.addEdge(String(u), String(v), { size: 0.4, color: '#c9d3cf' });
      }
      renderer = new Sigma(graph, box.current, { renderEdgeLabels: false, labelRenderedSizeThreshold: 100 });
      setSummary(t('spread.network.summary', { seeds: String(net.nodes.filter((n) => n.seed).length), nodes: String(net.nodes.length), edges: String(net.edges.length) }));
    }, () => setSummary(t('spread.network.failed')));
    return () => { stopped = true; renderer?.kill(); };
  }, [workspace, key]);
  return (
    <figure className="spread-network">
      <div className="spread-network-canvas" ref={box} aria-hidden="true" />
      <figcaption className="muted" data-testid="network-summary">{summary ?? t('app.loading')}</figcaption>
    </figure>
  );
}

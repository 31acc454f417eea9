// The network on a WebGL canvas (sigma.js v3), laid out by ForceAtlas2 in a web worker for a
// bounded number of iterations (Jacomy et al. 2014, "ForceAtlas2, a Continuous Graph Layout
// Algorithm for Handy Network Visualization", PLoS ONE 9(6)).
//
// Filters and the selection are sigma reducers: changing them re-reads the attributes, never the
// graph. Large graphs draw ties as 1-px lines (gl.LINES) and hide them while the camera moves,
// which keeps panning smooth at 20,000 nodes and 100,000 ties.
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import Sigma from 'sigma';
import { EdgeLineProgram, EdgeRectangleProgram, NodePointProgram } from 'sigma/rendering';
import type { EdgeAttributes, NetworkGraph, NodeAttributes } from './network-graph.ts';
import { FADED_COLOUR, GOLDEN_TIE_COLOUR } from './palette.ts';
import type { Strength } from './types.ts';

// CommonJS (`module.exports = FA2LayoutSupervisor`) typed as `export default`: the bundler hands
// over the class, TypeScript expects it under .default; accept both.
const FA2Layout = ((FA2LayoutModule as unknown as { default?: unknown }).default ?? FA2LayoutModule) as typeof FA2LayoutModule.default;

/** Past this many ties, they are hidden while the camera moves and z-ordering is off. */
const LARGE_EDGES = 10_000;
/** The layout stops after this many iterations or this long, whichever comes first. */
export function layoutBudget(order: number): { iterations: number; ms: number } {
  return order <= 2_000 ? { iterations: 400, ms: 8_000 } : order <= 8_000 ? { iterations: 200, ms: 10_000 } : { iterations: 100, ms: 12_000 };
}

export interface LayoutStatus {
  running: boolean;
  iterations: number;
  max: number;
}

export interface NetworkCanvasHandle {
  /** Moves the camera onto a node. */
  centreOn(key: string): void;
  zoom(direction: 'in' | 'out' | 'reset'): void;
  /** Runs the layout again (another bounded run). */
  relayout(): void;
  stopLayout(): void;
}

interface Props {
  graph: NetworkGraph;
  strength: Strength;
  community: number | null;
  selected: string | null;
  /** Neighbours of the selected node reached through a golden weak tie. */
  golden: ReadonlySet<string>;
  label: string;
  describedBy?: string;
  onSelect(key: string | null): void;
  onLayout(status: LayoutStatus): void;
  ref?: Ref<NetworkCanvasHandle>;
}

interface View {
  strength: Strength;
  community: number | null;
  selected: string | null;
  neighbours: Set<string>;
  golden: ReadonlySet<string>;
}

export function NetworkCanvas({ graph, strength, community, selected, golden, label, describedBy, onSelect, onLayout, ref }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const layout = useRef<{ run(): void; stop(): void } | null>(null);
  const view = useRef<View>({ strength, community, selected, neighbours: new Set(), golden });
  const callbacks = useRef({ onSelect, onLayout });
  callbacks.current = { onSelect, onLayout };

  // The renderer and the layout, once per graph.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const large = graph.size > LARGE_EDGES;
    const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, element, {
      defaultEdgeType: 'fine',
      edgeProgramClasses: { fine: EdgeLineProgram, thick: large ? EdgeLineProgram : EdgeRectangleProgram },
      // Large graphs: one vertex a node (gl.POINTS) rather than a triangle.
      ...(large ? { defaultNodeType: 'point', nodeProgramClasses: { point: NodePointProgram } } : {}),
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
      zIndex: !large,
      labelRenderedSizeThreshold: 8,
      labelFont: 'Inter, system-ui, sans-serif',
      labelColor: { color: '#17202e' },
      nodeReducer: (key, data) => reduceNode(graph, view.current, key, data),
      edgeReducer: (key, data) => reduceEdge(graph, view.current, key, data),
    });
    sigma.current = renderer;
    element.dataset.state = 'drawing';
    renderer.once('afterRender', () => {
      performance.mark('relais:map:first-render');
      element.dataset.state = 'rendered';
    });
    if (large) gentleHover(renderer);
    renderer.on('clickNode', ({ node }) => callbacks.current.onSelect(node));
    renderer.on('clickStage', () => callbacks.current.onSelect(null));
    renderer.on('enterNode', () => (element.style.cursor = 'pointer'));
    renderer.on('leaveNode', () => (element.style.cursor = ''));

    // ForceAtlas2 in its worker; each iteration updates every node's x and y at once.
    const supervisor = graph.order > 1 ? new FA2Layout(graph, { settings: { ...inferSettings(graph), slowDown: 2 }, getEdgeWeight: 'weight' }) : null;
    let iterations = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const budget = layoutBudget(graph.order);
    const report = () => callbacks.current.onLayout({ running: supervisor?.isRunning() ?? false, iterations, max: budget.iterations });
    const stop = () => {
      clearTimeout(timer);
      if (supervisor?.isRunning()) supervisor.stop();
      report();
    };
    const onIteration = () => {
      iterations += 1;
      if (iterations >= budget.iterations) stop();
      else if (iterations % 10 === 0) report();
    };
    graph.on('eachNodeAttributesUpdated', onIteration);
    const run = () => {
      if (!supervisor) return report();
      iterations = 0;
      supervisor.start();
      report();
      clearTimeout(timer);
      timer = setTimeout(stop, budget.ms);
    };
    layout.current = { run, stop };
    run();

    return () => {
      clearTimeout(timer);
      graph.off('eachNodeAttributesUpdated', onIteration);
      supervisor?.kill();
      renderer.kill();
      sigma.current = null;
      layout.current = null;
    };
  }, [graph]);

  // Filters and selection: only the reducers run again.
  useEffect(() => {
    view.current = { strength, community, selected, neighbours: selected && graph.hasNode(selected) ? new Set(graph.neighbors(selected)) : new Set(), golden };
    // A selection draws its neighbourhood above the faded rest: z-ordering, which large graphs
    // otherwise skip, is worth one sort then.
    sigma.current?.setSetting('zIndex', graph.size <= LARGE_EDGES || selected !== null);
    sigma.current?.refresh({ skipIndexation: true });
  }, [graph, strength, community, selected, golden]);

  useImperativeHandle(
    ref,
    () => ({
      centreOn(key) {
        const renderer = sigma.current;
        const position = renderer?.getNodeDisplayData(key);
        if (!renderer || !position) return;
        void renderer.getCamera().animate({ x: position.x, y: position.y, ratio: Math.min(renderer.getCamera().ratio, 0.25) }, { duration: 400 });
      },
      zoom(direction) {
        const camera = sigma.current?.getCamera();
        if (!camera) return;
        if (direction === 'in') void camera.animatedZoom({ duration: 200 });
        else if (direction === 'out') void camera.animatedUnzoom({ duration: 200 });
        else void camera.animatedReset({ duration: 200 });
      },
      relayout: () => layout.current?.run(),
      stopLayout: () => layout.current?.stop(),
    }),
    [],
  );

  // Keyboard: arrows pan, + and − zoom, 0 shows the whole network, Escape drops the selection.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const camera = sigma.current?.getCamera();
    if (!camera) return;
    const step = 0.1 * camera.ratio;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    if (move) {
      camera.setState({ x: camera.x + move[0], y: camera.y + move[1] });
    } else if (event.key === '+' || event.key === '=') void camera.animatedZoom({ duration: 150 });
    else if (event.key === '-' || event.key === '_') void camera.animatedUnzoom({ duration: 150 });
    else if (event.key === '0') void camera.animatedReset({ duration: 150 });
    else if (event.key === 'Escape') callbacks.current.onSelect(null);
    else return;
    event.preventDefault();
  }

  return (
    <div
      ref={container}
      className="network-canvas"
      role="img"
      tabIndex={0}
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="network-canvas"
      onKeyDown={onKeyDown}
    />
  );
}

/** Hover picking, at most this often on large graphs. */
const HOVER_MS = 120;

/**
 * Sigma finds the node under the mouse on every mouse move by reading a pixel of its picking
 * layer (gl.readPixels), which waits for the GPU to finish every queued frame. While dragging
 * that is useless and, on a software renderer, it stalls each move for a whole frame of 100,000
 * ties: skip it while a button is down or the camera moves, and at most every HOVER_MS otherwise.
 */
function gentleHover(renderer: Sigma<NodeAttributes, EdgeAttributes>): void {
  const captor = renderer.getMouseCaptor();
  // Sigma's own handler (a private field, stable across 3.0.x).
  const listeners = (renderer as unknown as { activeListeners: Record<string, ((event: unknown) => void) | undefined> }).activeListeners;
  const hover = listeners.handleMove;
  if (!hover) return;
  captor.off('mousemove', hover);
  let last = 0;
  captor.on('mousemove', (event) => {
    if (captor.isMouseDown || captor.isMoving || renderer.getCamera().isAnimated()) return;
    const now = performance.now();
    if (now - last < HOVER_MS) return;
    last = now;
    hover(event);
  });
}

function reduceNode(graph: NetworkGraph, view: View, key: string, data: NodeAttributes): Partial<NodeAttributes & { hidden: boolean; highlighted: boolean; zIndex: number; forceLabel: boolean }> {
  if (view.community !== null && data.community !== view.community) return { ...data, hidden: true };
  if (view.selected === null) return data;
  if (key === view.selected) return { ...data, highlighted: true, zIndex: 2, forceLabel: true };
  if (view.neighbours.has(key)) return { ...data, zIndex: 1, forceLabel: view.golden.has(key) };
  void graph;
  return { ...data, color: FADED_COLOUR, size: Math.min(data.size, 3), label: '', zIndex: 0 };
}

function reduceEdge(graph: NetworkGraph, view: View, key: string, data: EdgeAttributes): Partial<EdgeAttributes & { hidden: boolean; zIndex: number }> {
  if ((view.strength === 'strong' && !data.strong) || (view.strength === 'weak' && data.strong)) return { ...data, hidden: true };
  if (view.community !== null || view.selected !== null) {
    const [source, target] = graph.extremities(key);
    if (view.community !== null && (graph.getNodeAttribute(source, 'community') !== view.community || graph.getNodeAttribute(target, 'community') !== view.community)) {
      return { ...data, hidden: true };
    }
    if (view.selected !== null) {
      if (source !== view.selected && target !== view.selected) return { ...data, hidden: true };
      const other = source === view.selected ? target : source;
      if (view.golden.has(other)) return { ...data, color: GOLDEN_TIE_COLOUR, size: 2.5, type: 'thick', zIndex: 1 };
    }
  }
  return data;
}

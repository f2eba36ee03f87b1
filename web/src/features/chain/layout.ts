// The chain's layout: dagre, left to right (sources on the left, disposal on the right), kilograms as edge labels.
// Pure (no DOM), timed with performance.measure('chain-layout') so a browser test can read what it cost.
import { Graph, layout } from '@dagrejs/dagre';

export const NODE_W = 184;
export const NODE_H = 64;

export interface LaidNode {
  id: string;
  x: number;
  y: number;
}
export interface LaidEdge {
  key: string;
  from: string;
  to: string;
  kg?: number;
  points: { x: number; y: number }[];
  label: { x: number; y: number };
}
export interface Laid {
  nodes: Map<string, LaidNode>;
  edges: LaidEdge[];
  width: number;
  height: number;
  ms: number;
}

export function layoutChain(
  nodes: readonly { id: string }[],
  edges: readonly { from: string; to: string; kg?: number }[],
): Laid {
  const started = performance.now();
  const g = new Graph({ multigraph: true });
  // Network simplex ranks and the crossing-reduction sweeps order best but grow fast; past a few hundred nodes the
  // longest path and dagre's first ordering keep a chain readable in well under 2 s.
  const large = nodes.length > 200;
  const ranker = large ? 'longest-path' : 'network-simplex';
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 110, edgesep: 12, marginx: 16, marginy: 16, ranker });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  // An edge to a node on a later page (nodes past 500) is left out until that page is loaded.
  const kept = edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  // Kilogram labels are placed at each edge's middle afterwards: giving dagre label sizes doubles its ranks.
  for (const [i, e] of kept.entries()) g.setEdge(e.from, e.to, {}, String(i));
  layout(g, { disableOptimalOrderHeuristic: large });
  const laidNodes = new Map<string, LaidNode>();
  for (const id of g.nodes()) {
    const n = g.node(id);
    laidNodes.set(id, { id, x: n.x, y: n.y });
  }
  const laidEdges = kept.map((e, i) => {
    const l = g.edge(e.from, e.to, String(i));
    const points = l.points ?? [];
    return { ...e, key: `${e.from}>${e.to}#${i}`, points, label: middle(points) };
  });
  const { width = 0, height = 0 } = g.graph();
  const ms = performance.now() - started;
  performance.measure('chain-layout', { start: started, duration: ms });
  return { nodes: laidNodes, edges: laidEdges, width, height, ms };
}

/** The point halfway along a polyline (where an edge's kilograms are written). */
function middle(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  // Each segment with both of its ends (a polyline of n points has n - 1)
  const segs = points
    .slice(1)
    .map((b, i) => ({ a: points[i] ?? b, b }))
    .map((s) => ({ ...s, len: Math.hypot(s.b.x - s.a.x, s.b.y - s.a.y) }));
  let rest = segs.reduce((sum, s) => sum + s.len, 0) / 2;
  for (const { a, b, len } of segs) {
    if (rest <= len && len > 0) {
      const f = rest / len;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f - 6 };
    }
    rest -= len;
  }
  return points[0] ?? { x: 0, y: 0 };
}

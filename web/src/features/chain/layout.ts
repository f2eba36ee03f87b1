// The chain's layout: dagre, left to right (sources on the left, disposal on the right), kilograms as edge labels.
// Pure (no DOM), timed with performance.measure('chain-layout') so a browser test can read what it cost.
import { Graph, layout } from '@dagrejs/dagre';

export const NODE_W = 184;
export const NODE_H = 64;

export interface LaidNode { id: string; x: number; y: number }
export interface LaidEdge { key: string; from: string; to: string; kg?: number; points: { x: number; y: number }[]; label: { x: number; y: number } }
export interface Laid { nodes: Map<string, LaidNode>; edges: LaidEdge[]; width: number; height: number; ms: number }

export function layoutChain(nodes: readonly { id: string }[], edges: readonly { from: string; to: string; kg?: number }[]): Laid {
  const started = performance.now();
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 90, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  // An edge to a node on a later page (nodes past 500) is left out until that page is loaded.
  const kept = edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  for (const [i, e] of kept.entries()) g.setEdge(e.from, e.to, { width: 72, height: 18, labelpos: 'c' }, String(i));
  layout(g);
  const laidNodes = new Map<string, LaidNode>();
  for (const id of g.nodes()) {
    const n = g.node(id);
    laidNodes.set(id, { id, x: n.x, y: n.y });
  }
  const laidEdges = kept.map((e, i) => {
    const l = g.edge(e.from, e.to, String(i));
    return { ...e, key: `${e.from}>${e.to}#${i}`, points: l.points ?? [], label: { x: l.x ?? 0, y: l.y ?? 0 } };
  });
  const { width = 0, height = 0 } = g.graph();
  const ms = performance.now() - started;
  performance.measure('chain-layout', { start: started, duration: ms });
  return { nodes: laidNodes, edges: laidEdges, width, height, ms };
}

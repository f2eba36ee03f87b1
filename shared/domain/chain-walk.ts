// Walking a chain from its starting manifest: ancestors only upstream, descendants only downstream (never
// siblings), level by level to `depth`, in an order that does not change between calls, so that pages past the
// first are a stable slice. Reading is the caller's `load` (one batch of reads per level); the rules are here.
import type { ChainNode, Link, NodeRef } from '#shared/domain/chain.ts';
import { must } from '#shared/must.ts';

export const DEFAULT_DEPTH = 10;
export const MAX_DEPTH = 50;
export const PAGE_NODES = 500;

export type Relation = 'start' | 'ancestor' | 'descendant';

export interface Placed {
  node: ChainNode;
  relation: Relation;
  distance: number;
}

export interface Edge {
  from: string;
  to: string;
  grams?: number;
}

/** Reads the nodes of these refs (any it cannot find are left out). */
export type Loader = (refs: NodeRef[]) => Promise<ChainNode[]>;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every node within `depth` of `start`, ancestors first then descendants, each level sorted by id; stops once
 *  `enough` nodes are placed (what a page needs, plus one to know there is more). */
export async function walk(start: ChainNode, depth: number, enough: number, load: Loader): Promise<Placed[]> {
  const placed: Placed[] = [{ node: start, relation: 'start', distance: 0 }];
  const seen = new Set([start.id]);
  for (const [relation, next] of [
    ['ancestor', (n: ChainNode) => n.upstream],
    ['descendant', (n: ChainNode) => n.downstream],
  ] as const) {
    let frontier = [start];
    for (let distance = 1; distance <= depth && frontier.length > 0 && placed.length < enough; distance++) {
      const refs = new Map<string, NodeRef>();
      for (const n of frontier) for (const l of next(n)) if (!seen.has(l.ref.id)) refs.set(l.ref.id, l.ref);
      const level = (await load([...refs.values()])).sort(byId);
      for (const node of level) {
        seen.add(node.id);
        placed.push({ node, relation, distance });
      }
      frontier = level;
    }
  }
  return placed.slice(0, enough);
}

/** The links between placed nodes, each given once: a link is known to its downstream end (upstream links carry grams). */
export function edgesOf(placed: readonly Placed[]): Edge[] {
  const ids = new Set(placed.map((p) => p.node.id));
  const edges = new Map<string, Edge>();
  const add = (from: string, l: Pick<Link, 'grams'>, to: string) => {
    const key = `${from}>${to}`;
    if (!ids.has(from) || !ids.has(to)) return;
    const known = edges.get(key);
    if (!known || (known.grams === undefined && l.grams !== undefined))
      edges.set(key, { from, to, ...(l.grams !== undefined ? { grams: l.grams } : {}) });
  };
  for (const { node } of placed) {
    for (const l of node.upstream) add(l.ref.id, l, node.id);
    for (const l of node.downstream) add(node.id, l, l.ref.id);
  }
  return [...edges.values()];
}

/** One page: nodes [offset, offset + size), and the edges whose later end (in walk order) is on it. */
export function pageOf(
  placed: readonly Placed[],
  offset: number,
  size: number,
): { nodes: Placed[]; edges: Edge[]; more: boolean } {
  const order = new Map(placed.map((p, i) => [p.node.id, i]));
  const indexOf = (id: string) => must(order.get(id), 'edges join placed nodes');
  const end = offset + size;
  const edges = edgesOf(placed).filter((e) => {
    const later = Math.max(indexOf(e.from), indexOf(e.to));
    return later >= offset && later < end;
  });
  return { nodes: placed.slice(offset, end), edges, more: placed.length > end };
}

export interface Viewer {
  memberOf: ReadonlySet<string>;
  /** A regulator's division prefix ('' nationwide); undefined for enterprises. */
  jurisdictionPrefix?: string | undefined;
}

/** Rule 25: whole for members of a party the node concerns, and for regulators covering one of its divisions. */
export function seesWhole(viewer: Viewer, node: Pick<ChainNode, 'visibility'>): boolean {
  if (node.visibility.memberOf.some((p) => viewer.memberOf.has(p))) return true;
  const prefix = viewer.jurisdictionPrefix;
  return prefix !== undefined && node.visibility.divisions.some((d) => d.startsWith(prefix));
}

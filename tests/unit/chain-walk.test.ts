import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChainNode, NodeRef } from '#shared/domain/chain.ts';
import { edgesOf, pageOf, seesWhole, walk, type Placed } from '#shared/domain/chain-walk.ts';

/** A DAG where node i may link to later nodes only (waste moves forward in time). */
function graph(links: [number, number][], size: number): Map<string, ChainNode> {
  const id = (i: number) => `n${String(i).padStart(3, '0')}`;
  const ref = (i: number): NodeRef => ({ type: 'manifest', id: id(i) });
  const nodes = new Map<string, ChainNode>();
  for (let i = 0; i < size; i++) {
    nodes.set(id(i), {
      type: 'manifest',
      id: id(i),
      wasteCode: 'x',
      wasteCodes: ['x'],
      grams: { in: 0, out: 0, disposed: 0, onHand: 0, lost: 0 },
      state: 'received',
      times: {},
      parties: [],
      visibility: { memberOf: [`p${i}`], divisions: ['141102'] },
      divisionCode: '141102',
      upstream: links.filter(([, to]) => to === i).map(([from]) => ({ ref: ref(from), grams: 1 })),
      downstream: links.filter(([from]) => from === i).map(([, to]) => ({ ref: ref(to) })),
    });
  }
  return nodes;
}

const dag = fc.integer({ min: 2, max: 40 }).chain((size) =>
  fc.tuple(
    fc.constant(size),
    fc.uniqueArray(
      fc.tuple(fc.nat(size - 1), fc.nat(size - 1)).filter(([a, b]) => a < b),
      { selector: ([a, b]) => `${a}-${b}`, maxLength: 80 },
    ),
    fc.nat(size - 1),
  ),
);

/** Distances by breadth-first search along one direction. */
function reach(
  nodes: Map<string, ChainNode>,
  start: string,
  dir: 'upstream' | 'downstream',
  depth: number,
): Map<string, number> {
  const found = new Map<string, number>();
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length; d++) {
    frontier = [...new Set(frontier.flatMap((id) => nodes.get(id)![dir].map((l) => l.ref.id)))].filter(
      (id) => id !== start && !found.has(id),
    );
    for (const id of frontier) found.set(id, d);
  }
  return found;
}

describe('walking a chain', () => {
  it('reaches exactly the ancestors and descendants within depth, never siblings, and pages them once each', async () => {
    await fc.assert(
      fc.asyncProperty(
        dag,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 7 }),
        async ([size, links, s], depth, pageSize) => {
          const nodes = graph(links, size);
          let reads = 0;
          const load = async (refs: NodeRef[]) => {
            reads += refs.length;
            return refs.map((r) => nodes.get(r.id)!);
          };
          const start = nodes.get(`n${String(s).padStart(3, '0')}`)!;
          const placed = await walk(start, depth, Infinity, load);
          const up = reach(nodes, start.id, 'upstream', depth);
          const down = reach(nodes, start.id, 'downstream', depth);
          expect(new Map(placed.filter((p) => p.relation === 'ancestor').map((p) => [p.node.id, p.distance]))).toEqual(
            up,
          );
          expect(
            new Map(placed.filter((p) => p.relation === 'descendant').map((p) => [p.node.id, p.distance])),
          ).toEqual(down);
          expect(reads).toBe(up.size + down.size);

          const pages: Placed[][] = [];
          const edges: string[] = [];
          for (let offset = 0; ; offset += pageSize) {
            const again = await walk(start, depth, offset + pageSize + 1, load);
            const page = pageOf(again, offset, pageSize);
            pages.push(page.nodes);
            edges.push(...page.edges.map((e) => `${e.from}>${e.to}`));
            if (!page.more) break;
          }
          expect(pages.flat().map((p) => p.node.id)).toEqual(placed.map((p) => p.node.id));
          expect(edges.sort()).toEqual(
            edgesOf(placed)
              .map((e) => `${e.from}>${e.to}`)
              .sort(),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('shows a node whole to members of its parties and to regulators covering one of its divisions only', () => {
    const node = { visibility: { memberOf: ['a', 'b'], divisions: ['141102', '140105'] } };
    expect(seesWhole({ memberOf: new Set(['b']) }, node)).toBe(true);
    expect(seesWhole({ memberOf: new Set(['c']) }, node)).toBe(false);
    expect(seesWhole({ memberOf: new Set(), jurisdictionPrefix: '1411' }, node)).toBe(true);
    expect(seesWhole({ memberOf: new Set(), jurisdictionPrefix: '' }, node)).toBe(true);
    expect(seesWhole({ memberOf: new Set(), jurisdictionPrefix: '65' }, node)).toBe(false);
  });
});

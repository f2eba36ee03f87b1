// GET /v1/chains/{manifestId} (api.md "Chains and oversight"): answers only if the caller sees the starting manifest;
// then each node the caller may see (domain.md rule 25) is whole and every other one redacted. Reads per level: a
// BatchGet per node type, and two Queries per manifest (line balances, disposal reports); never a Scan.
import { notFound } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { verifyChain } from '#shared/domain/hash-chain.ts';
import { gramsToKg } from '#shared/domain/quantity.ts';
import {
  disposalNode,
  incidentNode,
  ledgerNode,
  manifestNode,
  type ChainNode,
  type NodeRef,
} from '#shared/domain/chain.ts';
import {
  DEFAULT_DEPTH,
  PAGE_NODES,
  pageOf,
  seesWhole,
  walk,
  type Placed,
  type Viewer,
} from '#shared/domain/chain-walk.ts';
import { getDisposals, getLedgerFacts, getManifestFacts } from '#shared/store/disposal-store.ts';
import { allEvents } from '#shared/store/event-store.ts';
import { getIncidents } from '#shared/store/incident-store.ts';
import { getManifests, membershipsAmong } from '#shared/store/manifest-store.ts';
import type { ChainNodeView, ChainView } from '#schemas/disposal.ts';
import { seeManifest } from '#shared/services/manifest-access.ts';
import { must } from '#shared/must.ts';

async function load(refs: NodeRef[]): Promise<ChainNode[]> {
  const of = <T extends NodeRef['type']>(type: T) =>
    refs.filter((r): r is Extract<NodeRef, { type: T }> => r.type === type);
  const [manifests, ledger, reports, incidents] = await Promise.all([
    getManifestFacts(of('manifest').map((r) => r.id)),
    getLedgerFacts(of('ledger')),
    getDisposals(of('disposal').map((r) => ({ manifestId: r.manifestId, id: r.id }))),
    incidentsWithManifests(of('incident').map((r) => r.id)),
  ]);
  return [
    ...manifests.map((f) => manifestNode(f.manifest, f.balances, f.reports)),
    ...ledger.map((l) => ledgerNode(l.entry, l.divisionCode)),
    ...reports.map(disposalNode),
    ...incidents,
  ];
}

/** Incident nodes, with their manifests' lines and parties (one BatchGet each). */
async function incidentsWithManifests(ids: string[]): Promise<ChainNode[]> {
  if (!ids.length) return [];
  const incidents = await getIncidents(ids);
  const manifests = await getManifests([...new Set(incidents.map((i) => i.manifestId))]);
  return incidents.flatMap((i) => {
    const m = manifests.get(i.manifestId);
    return m ? [incidentNode(i, m)] : [];
  });
}

const kgOf = (n: ChainNode) => ({
  in: gramsToKg(n.grams.in),
  out: gramsToKg(n.grams.out),
  disposed: gramsToKg(n.grams.disposed),
  onHand: gramsToKg(n.grams.onHand),
  lost: gramsToKg(n.grams.lost),
});

function nodeView({ node, relation, distance }: Placed, whole: boolean): ChainNodeView {
  const shown = {
    type: node.type,
    id: node.id,
    wasteCode: node.wasteCode,
    kg: kgOf(node),
    state: node.state,
    relation,
    distance,
  };
  if (!whole) return { ...shown, divisionCode: node.divisionCode, redacted: true };
  return {
    ...shown,
    redacted: false,
    wasteCodes: node.wasteCodes,
    parties: node.parties,
    times: node.times,
    ...(node.number ? { number: node.number } : {}),
    ...(node.batchCode ? { batchCode: node.batchCode } : {}),
    ...(node.operationCodes ? { operationCodes: node.operationCodes } : {}),
    ...(node.name !== undefined ? { name: node.name } : {}),
    ...(node.process !== undefined ? { process: node.process } : {}),
    ...(node.reportNumber !== undefined ? { reportNumber: node.reportNumber } : {}),
  };
}

async function viewerOf(actor: Actor, nodes: Placed[]): Promise<Viewer> {
  const partyIds = [...new Set(nodes.flatMap((p) => p.node.visibility.memberOf))];
  return {
    memberOf: actor.isEnterprise && partyIds.length ? await membershipsAmong(actor.sub, partyIds) : new Set(),
    jurisdictionPrefix: actor.isRegulator ? actor.jurisdictionPrefix : undefined,
  };
}

async function evidenceOf(nodes: Placed[]): Promise<NonNullable<ChainView['evidence']>> {
  return Promise.all(
    nodes.map(async ({ node }) => {
      const events = await allEvents(node.id);
      return {
        manifestId: node.id,
        number: must(node.number, `manifest node ${node.id} has a number`),
        events,
        integrity: verifyChain(events),
      };
    }),
  );
}

export interface ChainRequest {
  depth?: number | undefined;
  format?: 'evidence' | undefined;
  /** Nodes already served on earlier pages (from the cursor). */
  offset: number;
}

export async function viewChain(
  actor: Actor,
  manifestId: string,
  request: ChainRequest,
): Promise<{ chain: Omit<ChainView, 'nextCursor'>; nextOffset?: number }> {
  await seeManifest(actor, manifestId);
  const depth = request.depth ?? DEFAULT_DEPTH;
  const [start] = await load([{ type: 'manifest', id: manifestId }]);
  if (!start) throw notFound('manifest');
  // Each page walks again from the start, up to its own last node: the walk order is stable, and no cursor has to
  // carry a frontier of unbounded size.
  const placed = await walk(start, depth, request.offset + PAGE_NODES + 1, load);
  const page = pageOf(placed, request.offset, PAGE_NODES);
  const viewer = await viewerOf(actor, page.nodes);
  const shown = page.nodes.map((p) => ({ p, whole: seesWhole(viewer, p.node) }));
  const chain: Omit<ChainView, 'nextCursor'> = {
    manifestId,
    depth,
    nodes: shown.map(({ p, whole }) => nodeView(p, whole)),
    edges: page.edges.map((e) => ({
      from: e.from,
      to: e.to,
      ...(e.grams !== undefined ? { kg: gramsToKg(e.grams) } : {}),
    })),
  };
  if (request.format === 'evidence')
    chain.evidence = await evidenceOf(
      shown.filter(({ p, whole }) => whole && p.node.type === 'manifest').map(({ p }) => p),
    );
  return { chain, ...(page.more ? { nextOffset: request.offset + PAGE_NODES } : {}) };
}

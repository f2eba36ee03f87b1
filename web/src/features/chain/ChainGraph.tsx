// The chain drawn as SVG over dagre's layout (this module and dagre load only when a chain is shown). A node opens
// its page; a redacted node is grey with its division only and opens nothing.
import { useMemo } from 'react';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import type { Schemas } from '../../lib/api.ts';
import { kg } from '../../lib/format.ts';
import { NODE_TYPE } from '../../lib/labels.ts';
import { useT } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/nav.tsx';
import { layoutChain, NODE_H, NODE_W } from './layout.ts';

type Node = Schemas['ChainNode'];
type Edge = Schemas['Chain']['edges'][number];

/** The page a node opens: a manifest its own; the others the manifest they hang on (a batch: the manifest it feeds),
 * at the node's row of that manifest's chain table. */
export function nodeHref(node: Node, edges: readonly Edge[], byId: Map<string, Node>): string | null {
  if (node.redacted) return null;
  if (node.type === 'manifest') return `/manifests/${node.id}`;
  const seen = new Set<string>();
  let at: string | undefined = node.id;
  while (at && !seen.has(at)) {
    seen.add(at);
    const here: string = at;
    const next: string | undefined =
      node.type === 'batch' ? edges.find((e) => e.from === here)?.to : edges.find((e) => e.to === here)?.from;
    if (next && byId.get(next)?.type === 'manifest' && !byId.get(next)?.redacted)
      return `/manifests/${next}?chain=1#chain-${node.id}`;
    at = next;
  }
  return null;
}

export default function ChainGraph({ nodes, edges }: { nodes: Node[]; edges: Edge[] }) {
  const t = useT();
  const laid = useMemo(() => layoutChain(nodes, edges), [nodes, edges]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  return (
    <ScrollRegion className="chain-graph" label={t('链条图')} data-layout-ms={laid.ms.toFixed(0)}>
      <svg
        width={laid.width}
        height={laid.height}
        viewBox={`0 0 ${laid.width} ${laid.height}`}
        aria-label={t('链条图')}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#5b6770" />
          </marker>
        </defs>
        {laid.edges.map((e) => (
          <g key={e.key} className="edge" data-from={e.from} data-to={e.to} data-kg={e.kg}>
            <polyline
              points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
              fill="none"
              stroke="#5b6770"
              markerEnd="url(#arrow)"
            />
            {e.kg !== undefined && (
              <text x={e.label.x} y={e.label.y + 4} textAnchor="middle" className="edge-kg">
                {kg(e.kg)}
              </text>
            )}
          </g>
        ))}
        {nodes.map((n) => {
          const p = laid.nodes.get(n.id);
          if (!p) return null;
          const href = nodeHref(n, edges, byId);
          const title = n.redacted
            ? `${t(NODE_TYPE[n.type] ?? n.type)} · ${n.divisionCode ?? ''}`
            : `${t(NODE_TYPE[n.type] ?? n.type)} ${n.number ?? n.batchCode ?? n.operationCodes?.join(',') ?? ''}`;
          const open = () => href && navigate(href);
          return (
            <g
              key={n.id}
              className={`node ${n.type}${n.redacted ? ' redacted' : ''}`}
              transform={`translate(${p.x - NODE_W / 2},${p.y - NODE_H / 2})`}
              data-id={n.id}
              data-type={n.type}
              data-kg-in={n.kg.in}
              {...(href
                ? {
                    role: 'link',
                    tabIndex: 0,
                    'aria-label': title,
                    onClick: open,
                    onKeyDown: (e: { key: string }) => e.key === 'Enter' && open(),
                  }
                : { role: 'img', 'aria-label': title })}
            >
              <rect width={NODE_W} height={NODE_H} rx={6} />
              <text x={8} y={18} className="node-title">
                {title}
              </text>
              <text x={8} y={36}>
                {n.redacted ? t('已脱敏') : n.wasteCode}
              </text>
              <text x={8} y={54}>
                {t('流入')} {kg(n.kg.in)} · {t('处置')} {kg(n.kg.disposed)}
              </text>
            </g>
          );
        })}
      </svg>
    </ScrollRegion>
  );
}

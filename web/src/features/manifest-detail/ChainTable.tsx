// 查看链条: the chain through the manifest as a table, each node with its kilograms (the graph is the 链条 screen's).
// A graph node that is not a manifest opens here at its row (#chain-<node id>), scrolled to and marked.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { unwrap } from '../../lib/api.ts';
import { kg } from '../../lib/format.ts';
import { chainState } from '../../lib/enum-labels.ts';
import { useT } from '../../lib/i18n.tsx';
import { NODE_TYPE } from '../../lib/labels.ts';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';

export function ChainTable({ id }: { id: string }) {
  const { api } = useSession();
  const t = useT();
  const chain = useQuery({
    queryKey: ['chain', id],
    queryFn: () => unwrap(api.GET('/v1/chains/{manifestId}', { params: { path: { manifestId: id } } })),
  });
  const target = window.location.hash.startsWith('#chain-') ? window.location.hash.slice('#chain-'.length) : null;
  // Client-side navigation does not scroll to a fragment by itself
  useEffect(() => {
    if (chain.data && target) document.getElementById(`chain-${target}`)?.scrollIntoView({ block: 'center' });
  }, [chain.data, target]);
  return (
    <section id="chain" aria-labelledby="chain-h">
      <h2 id="chain-h">{t('链条')}</h2>
      <ProblemBanner refusal={refusalOf(chain.error)} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('类型')}</th>
              <th>{t('编号')}</th>
              <th>{t('废物代码')}</th>
              <th>{t('状态')}</th>
              <th className="num">{t('流入')}</th>
              <th className="num">{t('流出')}</th>
              <th className="num">{t('处置')}</th>
              <th className="num">{t('在库')}</th>
            </tr>
          </thead>
          <tbody>
            {chain.data?.nodes.map((n) => (
              <tr
                key={n.id}
                id={`chain-${n.id}`}
                className={n.redacted ? 'muted' : undefined}
                aria-current={n.id === target ? 'location' : undefined}
              >
                <td>{t(NODE_TYPE[n.type] ?? n.type)}</td>
                <td>{n.number ?? n.batchCode ?? (n.redacted ? n.divisionCode : '')}</td>
                <td>{n.wasteCode}</td>
                <td>{t(chainState(n.type, n.state))}</td>
                <td className="num">{kg(n.kg.in)}</td>
                <td className="num">{kg(n.kg.out)}</td>
                <td className="num">{kg(n.kg.disposed)}</td>
                <td className="num">{kg(n.kg.onHand)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

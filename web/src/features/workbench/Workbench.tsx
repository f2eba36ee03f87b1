// 工作台: the inbox (manifests waiting for this party, with the action each waits for) and the stock by waste code.
// Below: the party's open alerts and 场地坐标 (PartyPanels.tsx).
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../lib/api.ts';
import { cst, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ACTION } from '../../lib/labels.ts';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { PartyAlerts, SiteLocation } from './PartyPanels.tsx';
import { NumberAndStatusCells } from '../../components/ManifestBits.tsx';

const PENDING = 'pending';

export default function Workbench() {
  const { api, partyId, partyName } = useSession();
  const t = useT();
  const path = { path: { id: partyId } };
  const inbox = useQuery({
    queryKey: ['inbox', partyId],
    queryFn: () => unwrap(api.GET('/v1/parties/{id}/inbox', { params: { ...path, query: { limit: 50 } } })),
  });
  const stock = useQuery({
    queryKey: ['stock', partyId],
    queryFn: () => unwrap(api.GET('/v1/parties/{id}/stock', { params: path })),
  });
  // Waste pending identification (domain.md rule 29) is the stock item "pending": shown apart, since it has no code
  const coded = stock.data?.items.filter((s) => s.wasteCode !== PENDING) ?? [];
  const pending = stock.data?.items.find((s) => s.wasteCode === PENDING);

  return (
    <>
      <h1>
        {t('工作台')} · {partyName}
      </h1>
      <ProblemBanner refusal={refusalOf(inbox.error ?? stock.error)} />
      <SiteLocation />
      <PartyAlerts />
      <section aria-labelledby="inbox-h">
        <h2 id="inbox-h">{t('待办联单')}</h2>
        {/* Nothing while loading; an empty inbox says so, without an empty table's header. */}
        {inbox.isSuccess &&
          (inbox.data.items.length === 0 ? (
            <p className="muted">{t('没有等待您处理的联单。')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t('联单编号')}</th>
                    <th>{t('状态')}</th>
                    <th>{t('下一步')}</th>
                    <th>{t('等待自')}</th>
                  </tr>
                </thead>
                <tbody>
                  {inbox.data.items.map(({ manifest: m, actions, since }) => (
                    <tr key={m.id}>
                      <NumberAndStatusCells number={m.number} status={m.status} to={`/manifests/${m.id}`} />
                      <td>
                        {actions
                          .map((a) => t(a === 'pickup' && m.legs.length ? '确认交接' : (ACTION[a] ?? a)))
                          .join('、')}
                      </td>
                      <td>{cst(since)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
      <section aria-labelledby="stock-h">
        <h2 id="stock-h">{t('库存')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('废物代码')}</th>
                <th className="num">{t('产生')}</th>
                <th className="num">{t('接收')}</th>
                <th className="num">{t('转移')}</th>
                <th className="num">{t('处置')}</th>
                <th className="num">{t('在库')}</th>
              </tr>
            </thead>
            <tbody>
              {coded.map((s) => (
                <tr key={s.wasteCode}>
                  <td>{s.wasteCode}</td>
                  <td className="num">{kg(s.generatedKg + s.residueKg)}</td>
                  <td className="num">{kg(s.acceptedKg)}</td>
                  <td className="num">{kg(s.dispatchedKg)}</td>
                  <td className="num">{kg(s.disposedKg + s.selfTreatedKg)}</td>
                  <td className="num">
                    <strong>{kg(s.onHandKg)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pending && pending.onHandKg > 0 && (
          <p className="pending-stock">
            {t('待鉴别（按危险废物管理）')}: {t('在库')} <strong>{kg(pending.onHandKg)}</strong> ({t('产生')}{' '}
            {kg(pending.generatedKg)})
          </p>
        )}
      </section>
    </>
  );
}

// 联单详情: the manifest (its 14-digit number), lines, the events as a timeline with the integrity result, the
// actions the caller may take now (…/actions) as buttons, 下载联单PDF and 查看链条.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PartyName } from '../../components/PartyName.tsx';
import { openPdf, unwrap } from '../../lib/api.ts';
import { cst, kg } from '../../lib/format.ts';
import { DISCREPANCY_STATUS } from '../../lib/enum-labels.ts';
import { useT } from '../../lib/i18n.tsx';
import { EVENT } from '../../lib/labels.ts';
import { Link, useLocation } from '../../lib/nav.tsx';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { ChainTable } from './ChainTable.tsx';
import { ManifestOversight } from '../oversight/ManifestOversight.tsx';
import { StatusBadge } from '../../components/ManifestBits.tsx';

export default function ManifestDetail({ params }: { params: Record<string, string> }) {
  const t = useT();
  // The route's pattern always captures an id; a screen reached without one has nothing to show
  return params.id ? <Detail id={params.id} /> : <h1>{t('页面不存在')}</h1>;
}

function Detail({ id }: { id: string }) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const path = { params: { path: { id } } };
  const manifest = useQuery({ queryKey: ['manifest', id], queryFn: () => unwrap(api.GET('/v1/manifests/{id}', path)) });
  const events = useQuery({
    queryKey: ['manifest', id, 'events'],
    queryFn: () => unwrap(api.GET('/v1/manifests/{id}/events', path)),
  });
  const integrity = useQuery({
    queryKey: ['manifest', id, 'integrity'],
    queryFn: () => unwrap(api.GET('/v1/manifests/{id}/integrity', path)),
  });
  const chain = useLocation().query.get('chain') === '1';
  const pdf = useAction();
  const reload = () => qc.invalidateQueries({ queryKey: ['manifest', id] });

  const m = manifest.data;
  if (manifest.error) return <ProblemBanner refusal={refusalOf(manifest.error)} onReload={reload} />;
  if (!m) return <p className="loading">…</p>;

  return (
    <>
      <h1>
        {t('联单详情')} <span className="number">{m.number}</span>
      </h1>
      <section aria-label={t('概况')}>
        <p>
          <StatusBadge status={m.status} />
          {m.discrepancy && (
            <span className="badge">
              {' '}
              {t('差异')}: {t(DISCREPANCY_STATUS[m.discrepancy.status])}
            </span>
          )}
        </p>
        <dl className="grid">
          <div>
            <dt>{t('移出人')}</dt>
            <dd>
              <PartyName id={m.generatorId} />
            </dd>
          </div>
          <div>
            <dt>{t('承运人')}</dt>
            <dd>
              {m.transporterIds.map((p) => (
                <div key={p}>
                  <PartyName id={p} />
                </div>
              ))}
            </dd>
          </div>
          <div>
            <dt>{t('接受人')}</dt>
            <dd>
              <PartyName id={m.receiverId} />
            </dd>
          </div>
          <div>
            <dt>{t('计划提货时间')}</dt>
            <dd>{cst(m.plannedPickupAt)}</dd>
          </div>
          {m.approvalId && (
            <div>
              <dt>{t('批准编号')}</dt>
              <dd>
                <code className="id">{m.approvalId}</code>
              </dd>
            </div>
          )}
          {m.legs.map((l, i) => (
            <div key={l.pickedUpAt}>
              <dt>
                {t('提货')} {i + 1}
              </dt>
              <dd>
                {l.vehiclePlate} · {l.driverName} · {cst(l.pickedUpAt)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="actions">
          {/* a link, as console.md names it; the PDF needs the bearer token, so a click fetches it through the client */}
          <a
            href={`/v1/manifests/${m.id}/document.pdf`}
            onClick={(e) => {
              e.preventDefault();
              void pdf.run(() =>
                openPdf(api.GET('/v1/manifests/{id}/document.pdf', { ...path, parseAs: 'blob' }), `${m.number}.pdf`),
              );
            }}
          >
            {t('下载联单PDF')}
          </a>
          <Link to={`/manifests/${m.id}?chain=1`}>{t('查看链条')}</Link>
        </p>
        <ProblemBanner refusal={pdf.refusal} />
      </section>
      <ActionPanel manifest={m} onDone={reload} />
      <section aria-labelledby="lines-h">
        <h2 id="lines-h">{t('明细')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('废物代码')}</th>
                <th>{t('废物名称')}</th>
                <th className="num">{t('数量(kg)')}</th>
                <th className="num">{t('容器数量')}</th>
                <th className="num">{t('接收量(kg)')}</th>
                <th className="num">{t('拒收量(kg)')}</th>
              </tr>
            </thead>
            <tbody>
              {m.lines.map((l) => (
                <tr key={l.lineNo}>
                  <td>{l.lineNo}</td>
                  <td>{l.wasteCode}</td>
                  <td>{l.name}</td>
                  <td className="num">{kg(l.quantityKg)}</td>
                  <td className="num">{l.containerCount}</td>
                  <td className="num">{kg(l.receipt?.receivedKg)}</td>
                  <td className="num">{kg(l.receipt?.rejectedKg)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="events-h">
        <h2 id="events-h">{t('事件')}</h2>
        {integrity.data && (
          <p role="status" className={integrity.data.valid ? 'ok' : 'problem'}>
            {integrity.data.valid ? t('完整性校验通过') : t('完整性校验失败')}: {integrity.data.events} {t('个事件')}
            {integrity.data.firstBrokenSeq !== null && ` (#${integrity.data.firstBrokenSeq})`}
          </p>
        )}
        <ol className="timeline">
          {events.data?.items.map((e) => (
            <li key={e.seq}>
              <strong>{t(EVENT[e.type] ?? e.type)}</strong> · {cst(e.at)} · <PartyName id={e.actor.partyId} /> (
              {e.actor.sub})
              <div className="muted">
                <code>{e.hash.slice(0, 16)}…</code>
              </div>
            </li>
          ))}
        </ol>
      </section>
      <ManifestOversight manifest={m} />
      {chain && <ChainTable id={m.id} />}
    </>
  );
}

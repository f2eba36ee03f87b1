// 接收: the manifests arriving for this party (to receive) and those received (to report disposal); one of them
// opened at /receipt/<id> shows the form its state needs.
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../lib/api.ts';
import { cst, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { Link } from '../../lib/nav.tsx';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { DisposalForm } from './DisposalForm.tsx';
import { ReceiveForm } from './ReceiveForm.tsx';
import { NumberAndStatusCells, StatusBadge } from '../../components/ManifestBits.tsx';

export default function Receipt({ params }: { params: Record<string, string> }) {
  return params.id ? <One id={params.id} /> : <Queue />;
}

function Queue() {
  const { api, partyId } = useSession();
  const t = useT();
  const inbox = useQuery({
    queryKey: ['inbox', partyId],
    queryFn: () =>
      unwrap(api.GET('/v1/parties/{id}/inbox', { params: { path: { id: partyId }, query: { limit: 100 } } })),
  });
  const received = useQuery({
    queryKey: ['manifests', { partyId, role: 'receiver', status: 'received' }],
    queryFn: () =>
      unwrap(
        api.GET('/v1/manifests', { params: { query: { partyId, role: 'receiver', status: 'received', limit: 50 } } }),
      ),
  });
  const arriving = inbox.data?.items.filter((i) => i.actions.includes('receive') || i.actions.includes('reject')) ?? [];
  const row = (
    m: { id: string; number: string; status: string; lines: { quantityKg: number }[] },
    when: string | undefined,
  ) => (
    <tr key={m.id}>
      <NumberAndStatusCells number={m.number} status={m.status} to={`/receipt/${m.id}`} />
      <td className="num">{kg(m.lines.reduce((s, l) => s + l.quantityKg, 0))}</td>
      <td>{cst(when)}</td>
    </tr>
  );
  return (
    <>
      <h1>{t('接收')}</h1>
      <ProblemBanner refusal={refusalOf(inbox.error ?? received.error)} />
      <section aria-labelledby="arr-h">
        <h2 id="arr-h">{t('待接收')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('联单编号')}</th>
                <th>{t('状态')}</th>
                <th className="num">{t('数量')}</th>
                <th>{t('等待自')}</th>
              </tr>
            </thead>
            <tbody>{arriving.map((i) => row(i.manifest, i.since))}</tbody>
          </table>
        </div>
        {inbox.isSuccess && arriving.length === 0 && <p className="muted">{t('没有待接收的联单。')}</p>}
      </section>
      <section aria-labelledby="rec-h">
        <h2 id="rec-h">{t('待提交利用处置报告')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('联单编号')}</th>
                <th>{t('状态')}</th>
                <th className="num">{t('数量')}</th>
                <th>{t('接收时间')}</th>
              </tr>
            </thead>
            <tbody>{received.data?.items.map((m) => row(m, m.receivedAt))}</tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function One({ id }: { id: string }) {
  const { api } = useSession();
  const t = useT();
  const manifest = useQuery({
    queryKey: ['manifest', id],
    queryFn: () => unwrap(api.GET('/v1/manifests/{id}', { params: { path: { id } } })),
  });
  const m = manifest.data;
  if (manifest.error) return <ProblemBanner refusal={refusalOf(manifest.error)} />;
  if (!m) return <p className="loading">…</p>;
  return (
    <>
      <h1>
        {t('接收')} <span className="number">{m.number}</span>
      </h1>
      <p>
        <StatusBadge status={m.status} /> <Link to={`/manifests/${m.id}`}>{t('联单详情')}</Link>
      </p>
      {m.status === 'received' ? (
        <DisposalForm manifest={m} />
      ) : m.status === 'completed' ? (
        <p className="ok" role="status">
          {t('利用处置已完成。')}
        </p>
      ) : (
        <ReceiveForm key={m.version} manifest={m} />
      )}
    </>
  );
}

// 转移联单: the party's manifests with filters (role, status, created from/to), newest first; 新建联单.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, Select } from '../../components/Field.tsx';
import { PartyName } from '../../components/PartyName.tsx';
import { unwrap } from '../../lib/api.ts';
import { cst, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { STATUS } from '../../lib/labels.ts';
import { navigate } from '../../lib/nav.tsx';
import { ProblemBanner, refusalOf, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { NumberAndStatusCells } from '../../components/ManifestBits.tsx';

export default function ManifestList() {
  const { api, partyId } = useSession();
  const t = useT();
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = {
    partyId,
    role: role || undefined,
    status: status || undefined,
    from: from || undefined,
    to: to || undefined,
    limit: 50,
  } as const;
  const list = useQuery({
    queryKey: ['manifests', query],
    queryFn: () => unwrap(api.GET('/v1/manifests', { params: { query: query as never } })),
  });
  const refusal = refusalOf(list.error);

  return (
    <>
      <h1>{t('转移联单')}</h1>
      <div className="actions">
        <button type="button" onClick={() => navigate('/manifests/new')}>
          {t('新建联单')}
        </button>
      </div>
      <section aria-label={t('筛选')}>
        <RefusalScope refusal={refusal}>
          <div className="grid">
            <Select
              label={t('角色')}
              path="query.role"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              options={[
                ['', t('全部')],
                ['generator', t('移出人')],
                ['transporter', t('承运人')],
                ['receiver', t('接受人')],
              ]}
            />
            <Select
              label={t('状态')}
              path="query.status"
              value={status}
              onChange={(e) => setStatus(e.target.value)}
              options={[['', t('全部')], ...Object.entries(STATUS).map(([k, v]) => [k, t(v)] as [string, string])]}
            />
            <Field
              label={t('创建日期自')}
              path="query.from"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
            <Field
              label={t('创建日期至')}
              path="query.to"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
        </RefusalScope>
      </section>
      <ProblemBanner refusal={refusal} placed={['query.role', 'query.status', 'query.from', 'query.to']} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('联单编号')}</th>
              <th>{t('状态')}</th>
              <th>{t('移出人')}</th>
              <th>{t('接受人')}</th>
              <th className="num">{t('数量')}</th>
              <th>{t('创建时间')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((m) => (
              <tr key={m.id}>
                <NumberAndStatusCells number={m.number} status={m.status} to={`/manifests/${m.id}`} />
                <td>
                  <PartyName id={m.generatorId} />
                </td>
                <td>
                  <PartyName id={m.receiverId} />
                </td>
                <td className="num">{kg(m.lines.reduce((s, l) => s + l.quantityKg, 0))}</td>
                <td>{cst(m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && list.data.items.length === 0 && <p className="muted">{t('没有联单。')}</p>}
      </div>
    </>
  );
}

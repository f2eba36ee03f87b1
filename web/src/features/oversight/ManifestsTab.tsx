// Manifests whose generator or receiver lies in the division (/v1/oversight/manifests), by status and waste code.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { PartyName } from '../../components/PartyName.tsx';
import { type Schemas, unwrap } from '../../lib/api.ts';
import { cst, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { STATUS } from '../../lib/labels.ts';
import { compact } from '../../lib/loose.ts';
import { Link } from '../../lib/nav.tsx';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { ListTools } from './ListTools.tsx';

type Status = 'draft' | 'dispatched' | 'in_transit' | 'delivered' | 'received' | 'completed' | 'cancelled' | 'rejected';

export function ManifestsTab({ division }: { division: string }) {
  const { api } = useSession();
  const t = useT();
  const [status, setStatus] = useState('');
  const [wasteCode, setWasteCode] = useState('');
  const query = compact({ division, status, wasteCode, limit: 100 });
  const list = useQuery({
    queryKey: ['oversight', 'manifests', query],
    queryFn: () => unwrap(api.GET('/v1/oversight/manifests', { params: { query: query as { division: string; status?: Status } } })) as Promise<Schemas['OversightManifestPage']>,
  });
  return (
    <section aria-labelledby="om-h">
      <h2 id="om-h">{t('联单')}</h2>
      <div className="filters">
        <label>{t('状态')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('全部')}</option>
            {Object.entries(STATUS).map(([k, v]) => <option key={k} value={k}>{t(v)}</option>)}
          </select>
        </label>
        <label>{t('废物代码')}{' '}<input value={wasteCode} onChange={(e) => setWasteCode(e.target.value)} size={12} /></label>
      </div>
      <ProblemBanner refusal={refusalOf(list.error)} />
      <ScrollRegion label={t('联单')}>
        <table>
          <thead><tr><th>{t('联单编号')}</th><th>{t('状态')}</th><th>{t('移出人')}</th><th>{t('接受人')}</th><th>{t('废物代码')}</th><th className="num">{t('数量(kg)')}</th><th>{t('更新时间')}</th></tr></thead>
          <tbody>
            {list.data?.items.map((m) => (
              <tr key={m.id}>
                <td><Link to={`/manifests/${m.id}`}>{m.number}</Link></td><td>{t(STATUS[m.status] ?? m.status)}</td>
                <td><PartyName id={m.generatorId} /></td><td><PartyName id={m.receiverId} /></td>
                <td>{m.wasteCodes.join(', ')}</td><td className="num">{kg(m.quantityKg)}</td><td>{cst(m.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {list.data && list.data.items.length === 0 && <p className="muted">{t('没有记录')}</p>}
      <ListTools path="/v1/oversight/manifests" query={query} list="manifests" name="manifests" />
    </section>
  );
}

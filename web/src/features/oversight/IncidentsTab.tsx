// Incidents in the division (/v1/oversight/incidents), each open one closed with a note (关闭事故 → /v1/incidents/{id}/close).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PartyName } from '../../components/PartyName.tsx';
import { cst, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { compact } from '../../lib/loose.ts';
import { unwrap } from '../../lib/api.ts';
import { Link } from '../../lib/nav.tsx';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { OPEN_CLOSED } from './labels.ts';
import { ListTools } from './ListTools.tsx';

/** An incident as api.md describes it (domain.md rule 28). */
export interface Incident {
  id: string;
  manifestId: string;
  partyId: string;
  type: string;
  at: string;
  lat?: number;
  lon?: number;
  divisionCode: string;
  lines: { lineNo: number; lostKg: number }[];
  description: string;
  status: 'open' | 'closed';
  closeNote?: string;
}

export function IncidentsTab({ division }: { division: string }) {
  const { api } = useSession();
  const t = useT();
  const [status, setStatus] = useState('open');
  const query = compact({ division, status, limit: 100 });
  const list = useQuery({
    queryKey: ['oversight', 'incidents', query],
    queryFn: () => unwrap(api.GET('/v1/oversight/incidents', { params: { query } })).then((r) => (typeof r === 'string' ? { items: [] } : r)) // JSON asked, never the CSV,
  });
  return (
    <section aria-labelledby="oi-h">
      <h2 id="oi-h">{t('事故')}</h2>
      <div className="filters">
        <label>{t('状态')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('全部')}</option>
            {Object.entries(OPEN_CLOSED).map(([k, v]) => <option key={k} value={k}>{t(v)}</option>)}
          </select>
        </label>
      </div>
      <ProblemBanner refusal={refusalOf(list.error)} />
      <ul className="cards">{list.data?.items.map((i) => <IncidentCard key={i.id} incident={i} />)}</ul>
      {list.data && list.data.items.length === 0 && <p className="muted">{t('没有记录')}</p>}
      <ListTools path="/v1/oversight/incidents" query={query} list="incidents" name="incidents" />
    </section>
  );
}

export function IncidentCard({ incident: i }: { incident: Incident }) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const close = useAction();
  const lost = i.lines.reduce((s, l) => s + l.lostKg * 1000, 0) / 1000;
  return (
    <li className="card">
      <p><strong>{i.type}</strong> · <span className="badge">{t(OPEN_CLOSED[i.status] ?? i.status)}</span> · {t('损失')} {kg(lost)}</p>
      <p className="muted"><PartyName id={i.partyId} /> · {i.divisionCode} · {cst(i.at)}</p>
      <p>{i.description}</p>
      <p><Link to={`/manifests/${i.manifestId}`}>{t('查看联单')}</Link></p>
      {i.status === 'open' && (
        <form className="inline" onSubmit={(e) => {
          e.preventDefault();
          void close.run(async () => {
            await unwrap(api.POST('/v1/incidents/{id}/close', { params: { path: { id: i.id } }, body: { note } }));
            await qc.invalidateQueries({ queryKey: ['oversight', 'incidents'] });
            await qc.invalidateQueries({ queryKey: ['incidents'] });
          });
        }}>
          <label>{t('备注')} <input value={note} onChange={(e) => setNote(e.target.value)} /></label>
          <button type="submit" disabled={close.busy}>{t('关闭事故')}</button>
        </form>
      )}
      <ProblemBanner refusal={close.refusal} />
    </li>
  );
}

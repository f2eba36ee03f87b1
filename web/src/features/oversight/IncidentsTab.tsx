// Incidents in the division (/v1/oversight/incidents), each open one closed with a note (关闭事故 → /v1/incidents/{id}/close).
import { useQueryClient } from '@tanstack/react-query';
import { PartyName } from '../../components/PartyName.tsx';
import { cst, kg } from '../../lib/format.ts';
import { INCIDENT_TYPE } from '../../lib/enum-labels.ts';
import { useT } from '../../lib/i18n.tsx';
import { type Schemas, unwrap } from '../../lib/api.ts';
import { Link } from '../../lib/nav.tsx';
import { useSession } from '../../lib/session.tsx';
import { CloseWithNote } from './CloseWithNote.tsx';
import { OPEN_CLOSED } from './labels.ts';
import { OversightList } from './OversightList.tsx';

type Incident = Schemas['Incident'];

export function IncidentsTab({ division }: { division: string }) {
  const t = useT();
  return (
    <OversightList
      path="/v1/oversight/incidents"
      division={division}
      title={t('事故')}
      filters={[{ name: 'status', label: t('状态'), initial: 'open', options: OPEN_CLOSED }]}
    >
      {(items) => (
        <ul className="cards">
          {items.map((i) => (
            <IncidentCard key={i.id} incident={i} />
          ))}
        </ul>
      )}
    </OversightList>
  );
}

/** `closable`: whether 关闭事故 is offered (the oversight tab lists only a regulator's; a manifest page asks …/actions). */
export function IncidentCard({ incident: i, closable = true }: { incident: Incident; closable?: boolean }) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const lost = i.lines.reduce((s, l) => s + l.lostKg * 1000, 0) / 1000;
  return (
    <li className="card">
      <p>
        <strong>{t(INCIDENT_TYPE[i.type])}</strong> ·{' '}
        <span className="badge">{t(OPEN_CLOSED[i.status] ?? i.status)}</span> · {t('损失')} {kg(lost)}
      </p>
      <p className="muted">
        <PartyName id={i.partyId} /> · {i.divisionCode} · {cst(i.at)}
      </p>
      <p>{i.description}</p>
      <p>
        <Link to={`/manifests/${i.manifestId}`}>{t('查看联单')}</Link>
      </p>
      {i.status === 'open' && closable && (
        <CloseWithNote
          action={t('关闭事故')}
          close={async (note) => {
            await unwrap(api.POST('/v1/incidents/{id}/close', { params: { path: { id: i.id } }, body: { note } }));
            await qc.invalidateQueries({ queryKey: ['oversight', 'incidents'] });
            await qc.invalidateQueries({ queryKey: ['incidents'] });
          }}
        />
      )}
    </li>
  );
}

// Alerts in the division; each open one closes with a note (关闭预警); a manifest's alert links to the manifest.
import { useQueryClient } from '@tanstack/react-query';
import { PartyName } from '../../components/PartyName.tsx';
import { type Schemas, unwrap } from '../../lib/api.ts';
import { cst } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { Link } from '../../lib/nav.tsx';
import { useSession } from '../../lib/session.tsx';
import { CloseWithNote } from './CloseWithNote.tsx';
import { ALERT_TYPE, OPEN_CLOSED } from './labels.ts';
import { OversightList } from './OversightList.tsx';

export function AlertsTab({ division }: { division: string }) {
  const t = useT();
  const filters = [
    { name: 'status', label: t('状态'), initial: 'open', options: OPEN_CLOSED },
    { name: 'type', label: t('类型'), options: ALERT_TYPE },
  ];
  return (
    <OversightList path="/v1/oversight/alerts" division={division} title={t('预警')} filters={filters}>
      {(items) => (
        <ul className="cards">
          {items.map((a) => (
            <AlertCard key={a.id} alert={a} />
          ))}
        </ul>
      )}
    </OversightList>
  );
}

function AlertCard({ alert: a }: { alert: Schemas['Alert'] }) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const overdue = a.status === 'open' && Date.parse(a.dueAt) < Date.now();
  return (
    <li className="card" aria-label={`${t(ALERT_TYPE[a.type] ?? a.type)} ${a.id.slice(0, 8)}`}>
      <p>
        <strong>{t(ALERT_TYPE[a.type] ?? a.type)}</strong> ·{' '}
        <span className="badge">{t(OPEN_CLOSED[a.status] ?? a.status)}</span>
        {overdue && <span className="badge warn"> {t('已逾期')}</span>}
      </p>
      <p className="muted">
        <PartyName id={a.partyId} /> · {a.divisionCode} · {t('到期')} {cst(a.dueAt)} · {t('产生')} {cst(a.openedAt)}
      </p>
      {a.manifestId && (
        <p>
          <Link to={`/manifests/${a.manifestId}`}>{t('查看联单')}</Link> ·{' '}
          <Link to={`/chain/${a.manifestId}`}>{t('查看链条')}</Link>
        </p>
      )}
      {a.status === 'closed' && (
        <p className="muted">
          {t('关闭说明')}: {a.closeNote} ({a.closedBy}, {cst(a.closedAt)})
        </p>
      )}
      {a.status === 'open' && (
        <CloseWithNote
          action={t('关闭预警')}
          close={async (note) => {
            await unwrap(
              api.POST('/v1/oversight/alerts/{id}/close', { params: { path: { id: a.id } }, body: { note } }),
            );
            await qc.invalidateQueries({ queryKey: ['oversight', 'alerts'] });
          }}
        />
      )}
    </li>
  );
}

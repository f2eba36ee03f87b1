// The actions the caller may take now (GET …/actions, the same table the routes use), as console.md's buttons.
// Actions that need more than a click ask for it here (报告事故 too, as the party the answer names: on a delivered
// load that may be the receiver, who has no driver's page); pickup and receipt go to the driver's and receiver's pages.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { PartySearch } from '../../components/PartySearch.tsx';
import { unwrap, type Manifest, type ManifestAction } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { ACTION } from '../../lib/labels.ts';
import { navigate } from '../../lib/nav.tsx';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { IncidentReport } from '../driver/IncidentReport.tsx';
import { useManifestActions } from '../../lib/use-manifest-actions.ts';

type Asking = 'cancel' | 'explain-discrepancy' | 'close-discrepancy' | 'change-carriers' | null;

export function ActionPanel({ manifest: m, onDone }: { manifest: Manifest; onDone(): void }) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const path = { params: { path: { id: m.id } } };
  const actions = useManifestActions(m);
  const [asking, setAsking] = useState<Asking>(null);
  const [text, setText] = useState('');
  const [carriers, setCarriers] = useState<{ id: string; name: string }[]>([]);
  // the party …/actions names for report-incident, while its form is open
  const [reporter, setReporter] = useState<string | null>(null);
  const { busy, refusal, run } = useAction();
  const done = () => {
    setAsking(null);
    setText('');
    void qc.invalidateQueries({ queryKey: ['manifests'] });
    onDone();
  };
  const name = (a: ManifestAction) => t(a === 'pickup' && m.legs.length > 0 ? '确认交接' : (ACTION[a] ?? a));

  const click = (a: ManifestAction, partyId: string | null) => {
    switch (a) {
      case 'dispatch':
        return run(async () => {
          await unwrap(api.POST('/v1/manifests/{id}/dispatch', path));
          done();
        });
      // …/actions names the carrier for 确认运抵; were it ever missing, the API's refusal of transporterId shows
      case 'deliver':
        return run(async () => {
          await unwrap(
            api.POST('/v1/manifests/{id}/deliver', {
              ...path,
              body: { transporterId: partyId ?? '', deliveredAt: new Date().toISOString() },
            }),
          );
          done();
        });
      case 'pickup':
        return navigate(`/driver?number=${m.number}`);
      case 'receive':
      case 'reject':
        return navigate(`/receipt/${m.id}`);
      case 'update':
        return navigate(`/manifests/new?draft=${m.id}`);
      // …/actions always names the reporting party; were it missing, the API's refusal of partyId shows
      case 'report-incident':
        setAsking(null);
        return setReporter(partyId ?? '');
      case 'close-incident':
        return navigate('/oversight?tab=incidents');
      default:
        setReporter(null);
        setAsking(a);
    }
  };
  const confirm = () =>
    run(async () => {
      if (asking === 'cancel') await unwrap(api.POST('/v1/manifests/{id}/cancel', { ...path, body: { reason: text } }));
      if (asking === 'explain-discrepancy')
        await unwrap(api.POST('/v1/manifests/{id}/discrepancy/explain', { ...path, body: { note: text } }));
      if (asking === 'close-discrepancy')
        await unwrap(api.POST('/v1/manifests/{id}/discrepancy/close', { ...path, body: { note: text } }));
      if (asking === 'change-carriers')
        await unwrap(
          api.POST('/v1/manifests/{id}/carriers', { ...path, body: { transporterIds: carriers.map((c) => c.id) } }),
        );
      done();
    });

  const list = actions.data ?? [];
  return (
    <section aria-labelledby="act-h">
      <h2 id="act-h">{t('操作')}</h2>
      <ProblemBanner refusal={refusal} placed={['reason', 'note', 'transporterIds']} onReload={onDone} />
      {list.length === 0 && actions.isSuccess && <p className="muted">{t('当前没有您可执行的操作。')}</p>}
      <div className="actions">
        {list.map(({ action, partyId }) => (
          <button
            key={`${action}:${partyId ?? ''}`}
            type="button"
            disabled={busy}
            className={action === 'cancel' || action === 'reject' ? 'danger' : undefined}
            onClick={() => click(action, partyId)}
          >
            {name(action)}
          </button>
        ))}
      </div>
      {asking && (
        <RefusalScope refusal={refusal}>
          <fieldset className="card">
            <legend>{name(asking)}</legend>
            {asking === 'change-carriers' ? (
              <PartySearch
                label={t('承运单位')}
                kind="transporter"
                path="transporterIds"
                multiple
                value={carriers}
                onChange={setCarriers}
              />
            ) : (
              <Field
                label={asking === 'cancel' ? t('作废原因') : t('说明')}
                path={asking === 'cancel' ? 'reason' : 'note'}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
            <div className="actions">
              <button type="button" disabled={busy} onClick={confirm}>
                {name(asking)}
              </button>
              <button type="button" className="link" onClick={() => setAsking(null)}>
                {t('取消')}
              </button>
            </div>
          </fieldset>
        </RefusalScope>
      )}
      {reporter !== null && (
        <IncidentReport
          manifest={m}
          partyId={reporter}
          onDone={() => {
            setReporter(null);
            done();
          }}
        />
      )}
    </section>
  );
}

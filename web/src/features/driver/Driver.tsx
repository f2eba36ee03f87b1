// 司机 (designed for the phone): open a manifest by its 14-digit number or by scanning its QR code, then sign
// pickup (确认提货; a later carrier's is 确认交接) and arrival (确认运抵) for the carrier the user belongs to; share
// the phone's position on a leg whose pickup recorded the driver's consent; report an incident when …/actions offers it.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field.tsx';
import { PartyName } from '../../components/PartyName.tsx';
import { unwrap, type Manifest } from '../../lib/api.ts';
import { kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { Link, useLocation } from '../../lib/nav.tsx';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { IncidentReport } from './IncidentReport.tsx';
import { Scanner } from './Scanner.tsx';
import { ShareLocation } from './ShareLocation.tsx';
import { useManifestActions } from '../../lib/use-manifest-actions.ts';
import { StatusBadge } from '../../components/ManifestBits.tsx';

export default function Driver() {
  const { api } = useSession();
  const t = useT();
  const { query } = useLocation();
  const [number, setNumber] = useState(query.get('number') ?? '');
  const [scanning, setScanning] = useState(false);
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const opening = useAction();

  const open = (n: string) =>
    opening.run(async () =>
      setManifest(
        await unwrap(api.GET('/v1/manifests/by-number/{number}', { params: { path: { number: n.trim() } } })),
      ),
    );
  // /driver?number=… (the manifest page's 确认提货) opens that manifest at once
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the number the page was opened with
  useEffect(() => {
    if (number) void open(number);
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void open(number);
  };

  return (
    <>
      <h1>{t('司机')}</h1>
      <form className="card" onSubmit={submit} aria-label={t('打开联单')}>
        <ProblemBanner refusal={opening.refusal} placed={['number']} />
        <RefusalScope refusal={opening.refusal}>
          <Field
            label={t('联单编号')}
            path="number"
            inputMode="numeric"
            autoComplete="off"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder={t('14 位数字')}
          />
        </RefusalScope>
        <div className="actions">
          <button type="submit" disabled={opening.busy}>
            {t('打开')}
          </button>
          <button type="button" className="secondary" onClick={() => setScanning(true)}>
            {t('扫码')}
          </button>
        </div>
        {scanning && (
          <Scanner
            onClose={() => setScanning(false)}
            onNumber={(n) => {
              setScanning(false);
              setNumber(n);
              void open(n);
            }}
          />
        )}
      </form>
      {manifest && <Signing key={manifest.id} manifest={manifest} onChange={setManifest} />}
    </>
  );
}

function Signing({ manifest: m, onChange }: { manifest: Manifest; onChange(m: Manifest): void }) {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const [consent, setConsent] = useState(false);
  const [reporting, setReporting] = useState(false);
  // the load is with transporterIds[currentLeg − 1]: that carrier shares its position (the track route's rule)
  const leg = m.status === 'in_transit' ? m.legs[m.currentLeg - 1] : undefined;
  const path = { params: { path: { id: m.id } } };
  const actions = useManifestActions(m);
  const [plate, setPlate] = useState('');
  const [driver, setDriver] = useState('');
  const { busy, refusal, run } = useAction();
  // The carrier that may take the action (pickup and delivery are always a party's, never a regulator's).
  const carrierFor = (action: 'pickup' | 'deliver') =>
    actions.data?.find((a) => a.action === action)?.partyId ?? undefined;
  const pickup = carrierFor('pickup');
  const deliver = carrierFor('deliver');
  // who reports an incident is the API's to say (rule 28: on a delivered load the last carrier or the receiver)
  const incident = actions.data?.find((a) => a.action === 'report-incident');
  const after = (next: Manifest) => {
    onChange(next);
    void qc.invalidateQueries();
  };
  const reload = () => run(async () => onChange(await unwrap(api.GET('/v1/manifests/{id}', path))));

  return (
    <section aria-labelledby="drv-h">
      <h2 id="drv-h">
        {t('联单')} <span className="number">{m.number}</span>
      </h2>
      <p>
        <StatusBadge status={m.status} /> <PartyName id={m.generatorId} /> → <PartyName id={m.receiverId} />
      </p>
      <ul>
        {m.lines.map((l) => (
          <li key={l.lineNo}>
            {l.wasteCode} {l.name} · {kg(l.quantityKg)} · {l.containerCount} {t('件')}
          </li>
        ))}
      </ul>
      <ProblemBanner refusal={refusal} placed={['vehiclePlate', 'driverName']} onReload={reload} />
      {pickup && (
        <RefusalScope refusal={refusal}>
          <div className="grid">
            <Field
              label={t('车牌号')}
              path="vehiclePlate"
              value={plate}
              onChange={(e) => setPlate(e.target.value)}
              placeholder="晋A12345"
            />
            <Field label={t('驾驶员')} path="driverName" value={driver} onChange={(e) => setDriver(e.target.value)} />
          </div>
          <label className="check">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
            {t('同意共享位置')}
          </label>
          <div className="actions">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(async () =>
                  after(
                    await unwrap(
                      api.POST('/v1/manifests/{id}/pickup', {
                        ...path,
                        body: {
                          transporterId: pickup,
                          vehiclePlate: plate,
                          driverName: driver,
                          ...(consent ? { phoneConsent: true } : {}),
                        },
                      }),
                    ),
                  ),
                )
              }
            >
              {m.legs.length > 0 ? t('确认交接') : t('确认提货')}
            </button>
          </div>
        </RefusalScope>
      )}
      {deliver && (
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () =>
                after(
                  await unwrap(
                    api.POST('/v1/manifests/{id}/deliver', {
                      ...path,
                      body: { transporterId: deliver, deliveredAt: new Date().toISOString() },
                    }),
                  ),
                ),
              )
            }
          >
            {t('确认运抵')}
          </button>
        </div>
      )}
      {leg &&
        leg.transporterId === partyId &&
        // No route records consent after pickup (api.md), so a leg without it says where consent is given
        (leg.phoneConsentAt ? (
          <ShareLocation manifestId={m.id} transporterId={leg.transporterId} />
        ) : (
          <p className="muted">{t('共享位置需在提货时勾选“同意共享位置”，本段运输未记录该同意。')}</p>
        ))}
      {incident &&
        (reporting ? (
          <IncidentReport manifest={m} partyId={incident.partyId ?? ''} onDone={() => setReporting(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setReporting(true)}>
              {t('报告事故')}
            </button>
          </div>
        ))}
      {actions.isSuccess && !pickup && !deliver && <p className="muted">{t('当前没有需要您签署的操作。')}</p>}
      <p>
        <Link to={`/manifests/${m.id}`}>{t('联单详情')}</Link>
      </p>
    </section>
  );
}

// Weigh and accept per line (接收量(kg), 拒收量(kg), reason): 确认接收; or refuse the whole load: 拒收.
// Rejected kilograms go back to the generator or to another receiver (a replacement draft the API creates).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, Select } from '../../components/Field.tsx';
import { PartySearch } from '../../components/PartySearch.tsx';
import { unwrap, type Manifest } from '../../lib/api.ts';
import { kg, num } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { useInstantField } from '../../lib/use-instant.ts';

export function ReceiveForm({ manifest: m }: { manifest: Manifest }) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  // Each line of the manifest with what is typed for it
  const [lines, setLines] = useState(
    m.lines.map((l) => ({
      line: l,
      receivedKg: String(l.quantityKg),
      rejectedKg: '0',
      reason: '',
      containerCount: String(l.containerCount),
    })),
  );
  const receivedAt = useInstantField();
  const [disposition, setDisposition] = useState<'return' | 'alternate'>('return');
  const [alternate, setAlternate] = useState<{ id: string; name: string }[]>([]);
  const [reason, setReason] = useState('');
  const { busy, refusal, run } = useAction();
  const path = { params: { path: { id: m.id } } };
  const set = (i: number, k: 'receivedKg' | 'rejectedKg' | 'reason' | 'containerCount', v: string) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, [k]: v } : l)));
  const anyRejected = lines.some((l) => num(l.rejectedKg) > 0);
  const rejection = {
    disposition,
    ...(disposition === 'alternate' ? { alternateReceiverId: alternate[0]?.id ?? '' } : {}),
  };
  const done = () => qc.invalidateQueries();

  const receive = () =>
    run(async () => {
      await unwrap(
        api.POST('/v1/manifests/{id}/receive', {
          ...path,
          body: {
            receivedAt: receivedAt.instant(),
            lines: lines.map((l) => ({
              lineNo: l.line.lineNo,
              receivedKg: num(l.receivedKg),
              containerCount: num(l.containerCount),
              ...(num(l.rejectedKg) ? { rejectedKg: num(l.rejectedKg), rejectionReason: l.reason } : {}),
            })),
            ...(anyRejected ? { rejection } : {}),
          },
        }),
      );
      void done();
    });
  const reject = () =>
    run(async () => {
      await unwrap(api.POST('/v1/manifests/{id}/reject', { ...path, body: { reason, ...rejection } }));
      void done();
    });

  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void receive();
      }}
      aria-label={t('接收')}
    >
      <ProblemBanner
        refusal={refusal}
        placed={['receivedAt', 'lines', 'rejection', 'reason', 'disposition', 'alternateReceiverId']}
        onReload={done}
      />
      <RefusalScope refusal={refusal}>
        <Field
          label={t('接收时间')}
          path="receivedAt"
          type="datetime-local"
          value={receivedAt.value}
          onChange={(e) => receivedAt.setValue(e.target.value)}
        />
        {lines.map(({ line: l, ...typed }, i) => (
          <fieldset key={l.lineNo} aria-label={`${t('明细')} ${l.lineNo}`}>
            <legend>
              {t('明细')} {l.lineNo}: {l.wasteCode} {l.name} · {kg(l.quantityKg)}
            </legend>
            <div className="grid">
              <Field
                label={t('接收量(kg)')}
                path={`lines.${i}.receivedKg`}
                inputMode="decimal"
                value={typed.receivedKg}
                onChange={(e) => set(i, 'receivedKg', e.target.value)}
              />
              <Field
                label={t('拒收量(kg)')}
                path={`lines.${i}.rejectedKg`}
                inputMode="decimal"
                value={typed.rejectedKg}
                onChange={(e) => set(i, 'rejectedKg', e.target.value)}
              />
              <Field
                label={t('拒收原因')}
                path={`lines.${i}.rejectionReason`}
                value={typed.reason}
                onChange={(e) => set(i, 'reason', e.target.value)}
              />
              <Field
                label={t('容器数量')}
                path={`lines.${i}.containerCount`}
                inputMode="numeric"
                value={typed.containerCount}
                onChange={(e) => set(i, 'containerCount', e.target.value)}
              />
            </div>
          </fieldset>
        ))}
        <div className="grid">
          <Select
            label={t('拒收废物去向')}
            path="rejection.disposition"
            value={disposition}
            onChange={(e) => setDisposition(e.target.value as never)}
            options={[
              ['return', t('退回移出人')],
              ['alternate', t('转至其他接受单位')],
            ]}
          />
          {disposition === 'alternate' && (
            <PartySearch
              label={t('其他接受单位')}
              kind="receiver"
              path="rejection.alternateReceiverId"
              value={alternate}
              onChange={setAlternate}
            />
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('确认接收')}
          </button>
        </div>
        <h2>{t('整车拒收')}</h2>
        <Field label={t('整车拒收原因')} path="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        <div className="actions">
          <button type="button" className="danger" disabled={busy} onClick={reject}>
            {t('拒收')}
          </button>
        </div>
      </RefusalScope>
    </form>
  );
}

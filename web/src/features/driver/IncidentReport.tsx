// 报告事故 (api.md "incidents"): type, kilograms lost per line, description, measures, the county where it happened
// (province → city → county), sent as the party …/actions names (the carrier on the road; on a delivered load the
// last carrier or the receiver, from the driver's page or the manifest's); a refusal shows in place on the fields.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, FieldMessages, Select } from '../../components/Field.tsx';
import { type Manifest, unwrap } from '../../lib/api.ts';
import { INCIDENT_TYPE } from '../../lib/enum-labels.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { DivisionPicker } from '../oversight/DivisionPicker.tsx';

type IncidentType = keyof typeof INCIDENT_TYPE;

export function IncidentReport({
  manifest: m,
  partyId,
  onDone,
}: {
  manifest: Manifest;
  partyId: string;
  onDone(): void;
}) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const [type, setType] = useState<IncidentType>('spill');
  const [lost, setLost] = useState<Record<number, string>>({});
  const [description, setDescription] = useState('');
  const [measures, setMeasures] = useState('');
  const [division, setDivision] = useState('00');
  const { busy, refusal, run } = useAction();
  const lines = m.lines
    .filter((l) => Number(lost[l.lineNo] ?? 0) > 0)
    .map((l) => ({ lineNo: l.lineNo, lostKg: Number(lost[l.lineNo]) }));

  return (
    <form
      className="card"
      aria-label={t('报告事故')}
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await unwrap(
            api.POST('/v1/manifests/{id}/incidents', {
              params: { path: { id: m.id } },
              body: {
                partyId,
                type,
                at: new Date().toISOString(),
                divisionCode: division,
                lines,
                description,
                measures,
              },
            }),
          );
          await qc.invalidateQueries({ queryKey: ['incidents'] });
          onDone();
        });
      }}
    >
      <h3>{t('报告事故')}</h3>
      <ProblemBanner refusal={refusal} placed={['type', 'divisionCode', 'description', 'measures', 'lines']} />
      <RefusalScope refusal={refusal}>
        <Select
          label={t('事故类型')}
          path="type"
          value={type}
          onChange={(e) => setType(e.target.value as IncidentType)}
          options={Object.entries(INCIDENT_TYPE).map(([k, v]) => [k, t(v)])}
        />
        {m.lines.map((l) => (
          <Field
            key={l.lineNo}
            label={`${t('损失')} ${l.lineNo}. ${l.wasteCode} (kg)`}
            path={`lines.${l.lineNo - 1}.lostKg`}
            inputMode="decimal"
            value={lost[l.lineNo] ?? ''}
            onChange={(e) => setLost({ ...lost, [l.lineNo]: e.target.value })}
          />
        ))}
        <FieldMessages path="lines" />
        <Field
          label={t('事故经过')}
          path="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <Field label={t('处置措施')} path="measures" value={measures} onChange={(e) => setMeasures(e.target.value)} />
        <fieldset>
          <legend>{t('事故地点')}</legend>
          <DivisionPicker value={division} onChange={setDivision} />
          <FieldMessages path="divisionCode" />
        </fieldset>
      </RefusalScope>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('提交事故报告')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('取消')}
        </button>
      </div>
    </form>
  );
}

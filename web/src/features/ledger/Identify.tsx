// 登记鉴别结果 on an entry pending identification (domain.md rule 29): 危险废物 with the identified waste code (its
// kilograms become a generated batch of that code, which stock and manifests then see), or 不属于危险废物 with the
// report's number and issuing body. Each refusal stands beside its field; what was typed stays.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, Select } from '../../components/Field.tsx';
import { WasteCodeField } from '../../components/WasteCodeField.tsx';
import { type Schemas, unwrap } from '../../lib/api.ts';
import { kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';

type Result = Schemas['RecordIdentification']['result'];
const RESULTS: [Result, string][] = [
  ['hazardous', '危险废物'],
  ['not-hazardous', '不属于危险废物'],
];
const isResult = (v: string): v is Result => RESULTS.some(([r]) => r === v);

export function Identify({ entry, onClose }: { entry: Schemas['LedgerEntry']; onClose(): void }) {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const [result, setResult] = useState<Result>('hazardous');
  const [wasteCode, setWasteCode] = useState('');
  const [reportNumber, setReportNumber] = useState('');
  const [issuedBy, setIssuedBy] = useState('');
  const { busy, refusal, run } = useAction();

  const body = (): Schemas['RecordIdentification'] => {
    if (result === 'not-hazardous') return { result, reportNumber: reportNumber.trim(), issuedBy: issuedBy.trim() };
    const report = reportNumber.trim();
    return { result, wasteCode: wasteCode.trim(), ...(report ? { reportNumber: report } : {}) };
  };
  const submit = () =>
    run(async () => {
      await unwrap(
        api.POST('/v1/parties/{id}/ledger/{entryId}/identification', {
          params: { path: { id: partyId, entryId: entry.id } },
          body: body(),
        }),
      );
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['ledger', partyId] }),
        qc.invalidateQueries({ queryKey: ['stock', partyId] }),
      ]);
      onClose();
    });
  const reload = () => {
    void qc.invalidateQueries({ queryKey: ['ledger', partyId] });
    onClose();
  };

  return (
    <form
      className="card"
      aria-labelledby="identify-h"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="identify-h">
        {t('登记鉴别结果')} · {entry.batchCode}
      </h2>
      <p className="muted">
        {entry.name} · {entry.process} · {kg(entry.quantityKg)}
      </p>
      <ProblemBanner refusal={refusal} placed={['result', 'wasteCode', 'reportNumber', 'issuedBy']} onReload={reload} />
      <RefusalScope refusal={refusal}>
        <div className="grid">
          <Select
            label={t('鉴别结果')}
            path="result"
            value={result}
            onChange={(e) => {
              if (isResult(e.target.value)) setResult(e.target.value);
            }}
            options={RESULTS.map(([v, zh]) => [v, t(zh)])}
          />
          {result === 'hazardous' && <WasteCodeField path="wasteCode" value={wasteCode} onChange={setWasteCode} />}
          <Field
            label={t('鉴别报告编号')}
            path="reportNumber"
            value={reportNumber}
            onChange={(e) => setReportNumber(e.target.value)}
          />
          {result === 'not-hazardous' && (
            <Field
              label={t('出具单位')}
              path="issuedBy"
              value={issuedBy}
              onChange={(e) => setIssuedBy(e.target.value)}
            />
          )}
        </div>
      </RefusalScope>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('登记鉴别结果')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('取消')}
        </button>
      </div>
    </form>
  );
}

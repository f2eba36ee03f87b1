// 新增台账: a generated batch (废物代码, 数量(kg), 产生时间; the medical category for HW01), or, with 待鉴别 checked,
// waste whose hazard is not yet known (domain.md rule 29: 废物名称 and 产生工序 instead of a code; managed as
// hazardous under the stock item "pending" until 登记鉴别结果).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, Select } from '../../components/Field.tsx';
import { WasteCodeField } from '../../components/WasteCodeField.tsx';
import { type Schemas, unwrap } from '../../lib/api.ts';
import { num } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { MEDICAL_CATEGORY } from '../../lib/labels.ts';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { useInstantField } from '../../lib/use-instant.ts';

type MedicalCategory = NonNullable<Schemas['RecordLedgerEntry']['medicalCategory']>;
const isMedicalCategory = (v: string): v is MedicalCategory => MEDICAL_CATEGORY.some(([c]) => c === v);

export function AddEntry() {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const [pending, setPending] = useState(false);
  const [wasteCode, setWasteCode] = useState('');
  const [name, setName] = useState('');
  const [process, setProcess] = useState('');
  const [quantityKg, setQuantityKg] = useState('');
  const at = useInstantField();
  const [medicalCategory, setMedicalCategory] = useState('');
  const [added, setAdded] = useState('');
  const { busy, refusal, run } = useAction();
  const medical = !pending && wasteCode.trim().startsWith('841-');

  const body = (): Schemas['RecordLedgerEntry'] => {
    const common = { quantityKg: num(quantityKg), at: at.instant() };
    if (pending) return { kind: 'pending-identification', name: name.trim(), process: process.trim(), ...common };
    return {
      kind: 'generated',
      wasteCode: wasteCode.trim(),
      ...common,
      ...(medical && isMedicalCategory(medicalCategory) ? { medicalCategory } : {}),
    };
  };
  const add = () =>
    run(async () => {
      const entry = await unwrap(
        api.POST('/v1/parties/{id}/ledger', { params: { path: { id: partyId } }, body: body() }),
      );
      setAdded(entry.batchCode);
      setQuantityKg('');
      void qc.invalidateQueries({ queryKey: ['ledger', partyId] });
      void qc.invalidateQueries({ queryKey: ['stock', partyId] });
    });

  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
      aria-labelledby="add-h"
    >
      <h2 id="add-h">{t('新增台账')}</h2>
      {added && (
        <p className="ok" role="status">
          {t('已记录批次')} {added}
        </p>
      )}
      <ProblemBanner
        refusal={refusal}
        placed={['wasteCode', 'name', 'process', 'quantityKg', 'at', 'medicalCategory']}
      />
      <label className="check">
        <input type="checkbox" checked={pending} onChange={(e) => setPending(e.target.checked)} /> {t('待鉴别')}
      </label>
      <RefusalScope refusal={refusal}>
        <div className="grid">
          {pending ? (
            <>
              <Field label={t('废物名称')} path="name" value={name} onChange={(e) => setName(e.target.value)} />
              <Field
                label={t('产生工序')}
                path="process"
                value={process}
                onChange={(e) => setProcess(e.target.value)}
              />
            </>
          ) : (
            <WasteCodeField path="wasteCode" value={wasteCode} onChange={setWasteCode} />
          )}
          <Field
            label={t('数量(kg)')}
            path="quantityKg"
            inputMode="decimal"
            value={quantityKg}
            onChange={(e) => setQuantityKg(e.target.value)}
          />
          <Field
            label={t('产生时间')}
            path="at"
            type="datetime-local"
            value={at.value}
            onChange={(e) => at.setValue(e.target.value)}
          />
          {medical && (
            <Select
              label={t('医疗废物类别')}
              path="medicalCategory"
              value={medicalCategory}
              onChange={(e) => setMedicalCategory(e.target.value)}
              options={[['', t('请选择')], ...MEDICAL_CATEGORY.map(([v, zh]) => [v, t(zh)] as [string, string])]}
            />
          )}
        </div>
      </RefusalScope>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('新增台账')}
        </button>
      </div>
    </form>
  );
}

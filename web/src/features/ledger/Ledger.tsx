// 台账: the party's ledger entries (newest first), 新增台账 (废物代码, 数量(kg), 产生时间; the medical category for
// HW01), and 打印标签 (the batch's HJ 1276 container label, label.pdf).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, Select } from '../../components/Field.tsx';
import { WasteCodeField } from '../../components/WasteCodeField.tsx';
import { openPdf, unwrap } from '../../lib/api.ts';
import { cst, kg, num } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { MEDICAL_CATEGORY } from '../../lib/labels.ts';
import { ProblemBanner, refusalOf, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { useInstantField } from '../../lib/use-instant.ts';

const KIND: Record<string, string> = { generated: '产生', 'self-utilised': '自行利用', 'self-disposed': '自行处置' };

export default function Ledger() {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const pathId = { path: { id: partyId } };
  const ledger = useQuery({ queryKey: ['ledger', partyId], queryFn: () => unwrap(api.GET('/v1/parties/{id}/ledger', { params: { ...pathId, query: { limit: 50 } } })) });
  const [wasteCode, setWasteCode] = useState('');
  const [quantityKg, setQuantityKg] = useState('');
  const at = useInstantField();
  const [medicalCategory, setMedicalCategory] = useState('');
  const [added, setAdded] = useState('');
  const { busy, refusal, run } = useAction();
  const label = useAction();
  const medical = wasteCode.trim().startsWith('841-');

  const add = () => run(async () => {
    const entry = await unwrap(api.POST('/v1/parties/{id}/ledger', { params: pathId, body: {
      kind: 'generated', wasteCode: wasteCode.trim(), quantityKg: num(quantityKg), at: at.instant(),
      ...(medical && medicalCategory ? { medicalCategory: medicalCategory as never } : {}),
    } }));
    setAdded(entry.batchCode);
    setQuantityKg('');
    void qc.invalidateQueries({ queryKey: ['ledger', partyId] });
    void qc.invalidateQueries({ queryKey: ['stock', partyId] });
  });

  return (
    <>
      <h1>{t('台账')}</h1>
      <form className="card" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-labelledby="add-h">
        <h2 id="add-h">{t('新增台账')}</h2>
        {added && <p className="ok" role="status">{t('已记录批次')} {added}</p>}
        <ProblemBanner refusal={refusal} placed={['wasteCode', 'quantityKg', 'at', 'medicalCategory']} />
        <RefusalScope refusal={refusal}>
          <div className="grid">
            <WasteCodeField path="wasteCode" value={wasteCode} onChange={setWasteCode} />
            <Field label={t('数量(kg)')} path="quantityKg" inputMode="decimal" value={quantityKg} onChange={(e) => setQuantityKg(e.target.value)} />
            <Field label={t('产生时间')} path="at" type="datetime-local" value={at.value} onChange={(e) => at.setValue(e.target.value)} />
            {medical && (
              <Select label={t('医疗废物类别')} path="medicalCategory" value={medicalCategory} onChange={(e) => setMedicalCategory(e.target.value)}
                options={[['', t('请选择')], ...MEDICAL_CATEGORY.map(([v, zh]) => [v, t(zh)] as [string, string])]} />
            )}
          </div>
        </RefusalScope>
        <div className="actions"><button type="submit" disabled={busy}>{t('新增台账')}</button></div>
      </form>
      <ProblemBanner refusal={refusalOf(ledger.error) ?? label.refusal} />
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('批次')}</th><th>{t('类型')}</th><th>{t('废物代码')}</th><th className="num">{t('数量')}</th><th className="num">{t('已转移')}</th><th>{t('产生时间')}</th><th>{t('标签')}</th></tr></thead>
          <tbody>
            {ledger.data?.items.map((e) => (
              <tr key={e.id} className={e.status === 'voided' ? 'muted' : undefined}>
                <td>{e.batchCode}</td><td>{t(KIND[e.kind] ?? e.kind)}{e.status === 'voided' ? ` (${t('已作废')})` : ''}</td><td>{e.wasteCode}</td>
                <td className="num">{kg(e.quantityKg)}</td><td className="num">{kg(e.dispatchedKg)}</td><td>{cst(e.at)}</td>
                <td>
                  <button type="button" className="link" aria-label={`${t('打印标签')} ${e.batchCode}`} disabled={label.busy} onClick={() => label.run(() =>
                    openPdf(api.GET('/v1/parties/{id}/ledger/{entryId}/label.pdf', { params: { path: { id: partyId, entryId: e.id } }, parseAs: 'blob' }), `${e.batchCode}.pdf`))}>
                    {t('打印标签')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// 提交利用处置报告: per received line an operation code (the catalogue's), kilograms and completion time; residues
// (e.g. fly ash) become batches in this party's ledger.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, Select } from '../../components/Field.tsx';
import { WasteCodeField } from '../../components/WasteCodeField.tsx';
import { unwrap, type Manifest } from '../../lib/api.ts';
import { fromLocalInput, num, toLocalInput } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';

export function DisposalForm({ manifest: m }: { manifest: Manifest }) {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const ops = useQuery({
    queryKey: ['operations'],
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/v1/catalogue/operations')),
  });
  const accepted = m.lines.filter((l) => (l.receipt?.acceptedKg ?? 0) > 0);
  // Until changed, a line's completion time is the moment of 提交 (see use-instant.ts)
  const [opened] = useState(() => toLocalInput());
  const [lines, setLines] = useState(
    accepted.map((l) => ({
      lineNo: l.lineNo,
      wasteCode: l.wasteCode,
      name: l.name,
      operationCode: '',
      quantityKg: String(l.receipt?.acceptedKg ?? ''),
      completedAt: opened,
    })),
  );
  const [residues, setResidues] = useState<{ wasteCode: string; quantityKg: string }[]>([]);
  const { busy, refusal, run } = useAction();
  const set = (i: number, k: 'operationCode' | 'quantityKg' | 'completedAt', v: string) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, [k]: v } : l)));
  const options: [string, string][] = [
    ['', t('请选择')],
    ...(ops.data?.items ?? []).map(
      (o) => [o.code, `${o.code} ${lang === 'en' ? o.nameEn : o.name}`] as [string, string],
    ),
  ];

  const submit = () =>
    run(async () => {
      await unwrap(
        api.POST('/v1/manifests/{id}/disposals', {
          params: { path: { id: m.id } },
          body: {
            lines: lines.map((l) => ({
              lineNo: l.lineNo,
              operationCode: l.operationCode,
              quantityKg: num(l.quantityKg),
              completedAt: l.completedAt === opened ? new Date().toISOString() : fromLocalInput(l.completedAt),
            })),
            ...(residues.length
              ? { residues: residues.map((r) => ({ wasteCode: r.wasteCode.trim(), quantityKg: num(r.quantityKg) })) }
              : {}),
          },
        }),
      );
      void qc.invalidateQueries();
    });

  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('利用处置报告')}
    >
      <h2>{t('利用处置报告')}</h2>
      <ProblemBanner refusal={refusal} placed={['lines', 'residues']} />
      <RefusalScope refusal={refusal}>
        {lines.map((l, i) => (
          <fieldset key={l.lineNo} aria-label={`${t('明细')} ${l.lineNo}`}>
            <legend>
              {t('明细')} {l.lineNo}: {l.wasteCode} {l.name}
            </legend>
            <div className="grid">
              <Select
                label={t('利用处置方式')}
                path={`lines.${i}.operationCode`}
                value={l.operationCode}
                options={options}
                onChange={(e) => set(i, 'operationCode', e.target.value)}
              />
              <Field
                label={t('数量(kg)')}
                path={`lines.${i}.quantityKg`}
                inputMode="decimal"
                value={l.quantityKg}
                onChange={(e) => set(i, 'quantityKg', e.target.value)}
              />
              <Field
                label={t('完成时间')}
                path={`lines.${i}.completedAt`}
                type="datetime-local"
                value={l.completedAt}
                onChange={(e) => set(i, 'completedAt', e.target.value)}
              />
            </div>
          </fieldset>
        ))}
        {residues.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a residue's position is its identity in the API's paths (residues.0.…)
          <fieldset key={i} aria-label={`${t('残渣')} ${i + 1}`}>
            <legend>
              {t('残渣')} {i + 1}
            </legend>
            <div className="grid">
              <WasteCodeField
                path={`residues.${i}.wasteCode`}
                value={r.wasteCode}
                onChange={(v) => setResidues((rs) => rs.map((x, j) => (j === i ? { ...x, wasteCode: v } : x)))}
              />
              <Field
                label={t('数量(kg)')}
                path={`residues.${i}.quantityKg`}
                inputMode="decimal"
                value={r.quantityKg}
                onChange={(e) =>
                  setResidues((rs) => rs.map((x, j) => (j === i ? { ...x, quantityKg: e.target.value } : x)))
                }
              />
            </div>
          </fieldset>
        ))}
      </RefusalScope>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setResidues((rs) => [...rs, { wasteCode: '', quantityKg: '' }])}
        >
          {t('添加残渣')}
        </button>
        <button type="submit" disabled={busy}>
          {t('提交利用处置报告')}
        </button>
      </div>
    </form>
  );
}

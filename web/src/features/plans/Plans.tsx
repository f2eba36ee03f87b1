// 管理计划: this year's filed plan and its versions; 提交备案 files a new version that replaces the items.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { WasteCodeField } from '../../components/WasteCodeField.tsx';
import { ApiProblem, unwrap } from '../../lib/api.ts';
import { cst, currentMonth, kg, num } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, refusalOf, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';

export default function Plans() {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const [year, setYear] = useState(currentMonth().slice(0, 4));
  const plans = useQuery({
    queryKey: ['plans', partyId, year],
    queryFn: () =>
      unwrap(
        api.GET('/v1/parties/{id}/plans', { params: { path: { id: partyId }, query: { year: Number(year) } } }),
      ).catch((err) => {
        if (err instanceof ApiProblem && err.status === 404) return null;
        throw err;
      }),
  });
  const [items, setItems] = useState([{ wasteCode: '', expectedKg: '' }]);
  const { busy, refusal, run } = useAction();
  const file = () =>
    run(async () => {
      await unwrap(
        api.POST('/v1/parties/{id}/plans', {
          params: { path: { id: partyId } },
          body: {
            year: num(year),
            items: items.map((i) => ({ wasteCode: i.wasteCode.trim(), expectedKg: num(i.expectedKg) })),
          },
        }),
      );
      void qc.invalidateQueries({ queryKey: ['plans', partyId] });
    });
  const set = (i: number, k: 'wasteCode' | 'expectedKg', v: string) =>
    setItems((xs) => xs.map((x, j) => (j === i ? { ...x, [k]: v } : x)));
  const current = plans.data?.current;

  return (
    <>
      <h1>{t('管理计划')}</h1>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void file();
        }}
        aria-labelledby="plan-h"
      >
        <h2 id="plan-h">{t('提交备案')}</h2>
        <ProblemBanner refusal={refusal} placed={['year', 'items']} />
        <RefusalScope refusal={refusal}>
          <Field
            label={t('年度')}
            path="year"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an item's position is its identity in the API's paths (items.0.…)
            <fieldset key={i} aria-label={`${t('计划项')} ${i + 1}`}>
              <legend>
                {t('计划项')} {i + 1}
              </legend>
              <div className="grid">
                <WasteCodeField
                  path={`items.${i}.wasteCode`}
                  value={item.wasteCode}
                  onChange={(v) => set(i, 'wasteCode', v)}
                />
                <Field
                  label={t('预计产生量(kg)')}
                  path={`items.${i}.expectedKg`}
                  inputMode="decimal"
                  value={item.expectedKg}
                  onChange={(e) => set(i, 'expectedKg', e.target.value)}
                />
              </div>
            </fieldset>
          ))}
        </RefusalScope>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => setItems((xs) => [...xs, { wasteCode: '', expectedKg: '' }])}
          >
            {t('添加计划项')}
          </button>
          {current && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setItems(current.items.map((x) => ({ wasteCode: x.wasteCode, expectedKg: String(x.expectedKg) })))
              }
            >
              {t('以当前版本为底稿')}
            </button>
          )}
          <button type="submit" disabled={busy}>
            {t('提交备案')}
          </button>
        </div>
      </form>
      <ProblemBanner refusal={refusalOf(plans.error)} />
      {plans.isSuccess && !current && <p className="muted">{t('本年度尚未备案。')}</p>}
      {plans.data &&
        [plans.data.current, ...plans.data.history.filter((h) => h.version !== plans.data?.current.version)].map(
          (p) => (
            <section key={p.version} aria-label={`${t('版本')} ${p.version}`}>
              <h2>
                {t('版本')} {p.version} · {p.filingNumber}{' '}
                {p.version === current?.version && <span className="badge">{t('当前')}</span>}
              </h2>
              <p className="muted">
                {cst(p.filedAt)} · {p.filedBy}
              </p>
              <ul>
                {p.items.map((x) => (
                  <li key={x.wasteCode}>
                    {x.wasteCode}: {kg(x.expectedKg)}
                  </li>
                ))}
              </ul>
            </section>
          ),
        )}
    </>
  );
}

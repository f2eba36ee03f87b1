// 申报: the declaration of a period (month 2026-10, quarter 2026-Q4 or year 2026), generated from the records;
// 提交申报 submits and signs it (a later submission is a new version).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { unwrap } from '../../lib/api.ts';
import { cst, currentMonth, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, refusalOf, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';

const TIER: Record<string, string> = {
  'key-supervised': '重点监管单位',
  simplified: '简化管理单位',
  registered: '登记管理单位',
};

export default function Declarations() {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  // The year: every tier declares annually (monthly and quarterly ones only some tiers)
  const [period, setPeriod] = useState(currentMonth().slice(0, 4));
  const params = { params: { path: { id: partyId, period } } };
  const decl = useQuery({
    queryKey: ['declaration', partyId, period],
    queryFn: () => unwrap(api.GET('/v1/parties/{id}/declarations/{period}', params)),
  });
  const { busy, refusal, run } = useAction();
  const submit = () =>
    run(async () => {
      await unwrap(api.POST('/v1/parties/{id}/declarations/{period}/submit', params));
      void qc.invalidateQueries({ queryKey: ['declaration', partyId, period] });
    });
  const d = decl.data;
  const viewRefusal = refusalOf(decl.error);

  return (
    <>
      <h1>{t('申报')}</h1>
      <RefusalScope refusal={viewRefusal}>
        <Field
          label={t('申报期')}
          path="period"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          placeholder="2026-10 / 2026-Q4 / 2026"
        />
      </RefusalScope>
      <ProblemBanner refusal={viewRefusal ?? refusal} placed={['period']} onReload={() => decl.refetch()} />
      {d && (
        <section aria-label={t('申报表')}>
          <p>
            <span className="badge">{d.status === 'submitted' ? t('已提交') : t('草稿')}</span>{' '}
            {t(TIER[d.tier] ?? d.tier)} · {d.from} – {d.to} · {t('截止')} {d.dueDate}
            {d.overdue && <strong> ({t('已逾期')})</strong>}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('废物代码')}</th>
                  <th className="num">{t('期初')}</th>
                  <th className="num">{t('产生')}</th>
                  <th className="num">{t('接收')}</th>
                  <th className="num">{t('转移')}</th>
                  <th className="num">{t('自行利用')}</th>
                  <th className="num">{t('自行处置')}</th>
                  <th className="num">{t('期末')}</th>
                </tr>
              </thead>
              <tbody>
                {d.lines.map((l) => (
                  <tr key={l.wasteCode}>
                    <td>{l.wasteCode}</td>
                    <td className="num">{kg(l.openingKg)}</td>
                    <td className="num">{kg(l.generatedKg)}</td>
                    <td className="num">{kg(l.receivedKg)}</td>
                    <td className="num">{kg(l.dispatchedKg)}</td>
                    <td className="num">{kg(l.selfUtilisedKg)}</td>
                    <td className="num">{kg(l.selfDisposedKg)}</td>
                    <td className="num">{kg(l.closingKg)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.submissions.map((s) => (
            <p key={s.version} className="muted">
              {t('第')} {s.version} {t('版已提交')}: {cst(s.signature.at)} · {s.signature.sub}
            </p>
          ))}
          <div className="actions">
            <button type="button" disabled={busy} onClick={submit}>
              {t('提交申报')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}

// 台账: the party's ledger entries (newest first), 新增台账 (AddEntry.tsx, including 待鉴别), 登记鉴别结果 on an entry
// pending identification (Identify.tsx), and 打印标签 (the batch's HJ 1276 container label, label.pdf).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Schemas, openPdf, unwrap } from '../../lib/api.ts';
import { cst, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { AddEntry } from './AddEntry.tsx';
import { Identify } from './Identify.tsx';

type Entry = Schemas['LedgerEntry'];
const KIND: Record<string, string> = {
  generated: '产生',
  'self-utilised': '自行利用',
  'self-disposed': '自行处置',
  'pending-identification': '待鉴别',
};

export default function Ledger() {
  const { api, partyId } = useSession();
  const t = useT();
  const ledger = useQuery({
    queryKey: ['ledger', partyId],
    queryFn: () =>
      unwrap(api.GET('/v1/parties/{id}/ledger', { params: { path: { id: partyId }, query: { limit: 50 } } })),
  });
  const [identifying, setIdentifying] = useState<Entry | null>(null);
  const label = useAction();

  /** What the entry is: its code, or for waste pending identification its name and process, then the result. */
  const what = (e: Entry) => {
    if (e.kind !== 'pending-identification') return e.wasteCode;
    const id = e.identification;
    const result = !id
      ? t('待鉴别')
      : id.result === 'hazardous'
        ? `${t('已鉴别')}: ${id.wasteCode ?? ''}`
        : `${t('不属于危险废物')} (${id.reportNumber ?? ''})`;
    return `${e.name ?? ''} · ${e.process ?? ''} · ${result}`;
  };

  return (
    <>
      <h1>{t('台账')}</h1>
      <AddEntry />
      {identifying && <Identify key={identifying.id} entry={identifying} onClose={() => setIdentifying(null)} />}
      <ProblemBanner refusal={refusalOf(ledger.error) ?? label.refusal} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('批次')}</th>
              <th>{t('类型')}</th>
              <th>{t('废物代码')}</th>
              <th className="num">{t('数量')}</th>
              <th className="num">{t('已转移')}</th>
              <th>{t('产生时间')}</th>
              <th>{t('操作')}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.data?.items.map((e) => (
              <tr key={e.id} className={e.status === 'voided' ? 'muted' : undefined}>
                <td>{e.batchCode}</td>
                <td>
                  {t(KIND[e.kind] ?? e.kind)}
                  {e.status === 'voided' ? ` (${t('已作废')})` : ''}
                </td>
                <td>{what(e)}</td>
                <td className="num">{kg(e.quantityKg)}</td>
                <td className="num">{kg(e.dispatchedKg)}</td>
                <td>{cst(e.at)}</td>
                <td>
                  {e.status === 'pending' && (
                    <button
                      type="button"
                      className="link"
                      aria-label={`${t('登记鉴别结果')} ${e.batchCode}`}
                      onClick={() => setIdentifying(e)}
                    >
                      {t('登记鉴别结果')}
                    </button>
                  )}{' '}
                  <button
                    type="button"
                    className="link"
                    aria-label={`${t('打印标签')} ${e.batchCode}`}
                    disabled={label.busy}
                    onClick={() =>
                      label.run(() =>
                        openPdf(
                          api.GET('/v1/parties/{id}/ledger/{entryId}/label.pdf', {
                            params: { path: { id: partyId, entryId: e.id } },
                            parseAs: 'blob',
                          }),
                          `${e.batchCode}.pdf`,
                        ),
                      )
                    }
                  >
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

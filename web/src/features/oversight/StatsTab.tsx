// Statistics of the division and year (/v1/oversight/stats): per month, per waste code, and the utilisation-disposal
// rate. Tables carry the figures (for screen readers and CSV); the charts (ECharts) load only when this tab is shown.
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { type Schemas, unwrap } from '../../lib/api.ts';
import { kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { ListTools } from './ListTools.tsx';

const StatsChart = lazy(() => import('./StatsChart.tsx'));
type GroupBy = 'month' | 'wasteCode';

export const ratePercent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function StatsTab({ division, year }: { division: string; year: number }) {
  return (
    <section aria-labelledby="os-h">
      <h2 id="os-h">
        {year} {useT()('统计')}
      </h2>
      <StatsGroup division={division} year={year} groupBy="month" title="按月" />
      <StatsGroup division={division} year={year} groupBy="wasteCode" title="按废物代码" />
    </section>
  );
}

function StatsGroup({
  division,
  year,
  groupBy,
  title,
}: {
  division: string;
  year: number;
  groupBy: GroupBy;
  title: string;
}) {
  const { api } = useSession();
  const t = useT();
  const query = { division, year, groupBy };
  const stats = useQuery({
    queryKey: ['oversight', 'stats', query],
    queryFn: () => unwrap(api.GET('/v1/oversight/stats', { params: { query } })) as Promise<Schemas['Stats']>,
  });
  const rows: Schemas['StatsRow'][] = stats.data?.items ?? [];
  return (
    <div className="stats-group">
      <h3>{t(title)}</h3>
      <ProblemBanner refusal={refusalOf(stats.error)} />
      {rows.length > 0 && (
        <Suspense fallback={<p className="loading">…</p>}>
          <StatsChart
            rows={rows}
            title={t(title)}
            labels={{ generated: t('产生'), received: t('接收'), treated: t('利用处置'), rate: t('利用处置率') }}
          />
        </Suspense>
      )}
      <ScrollRegion label={t(title)}>
        <table>
          <thead>
            <tr>
              <th>{t(groupBy === 'month' ? '月份' : '废物代码')}</th>
              <th className="num">{t('产生')}</th>
              <th className="num">{t('转移')}</th>
              <th className="num">{t('接收')}</th>
              <th className="num">{t('利用')}</th>
              <th className="num">{t('处置')}</th>
              <th className="num">{t('利用处置率')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group + (r.month ?? '')}>
                <td>
                  {r.group}
                  {r.name && groupBy !== 'month' && (
                    <span className="stats-name" title={r.name}>
                      {r.name}
                    </span>
                  )}
                </td>
                <td className="num">{kg(r.generatedKg)}</td>
                <td className="num">{kg(r.dispatchedKg)}</td>
                <td className="num">{kg(r.receivedKg)}</td>
                <td className="num">{kg(r.utilisedKg)}</td>
                <td className="num">{kg(r.disposedKg)}</td>
                <td className="num">{ratePercent(r.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {stats.data && rows.length === 0 && <p className="muted">{t('没有记录')}</p>}
      <ListTools path="/v1/oversight/stats" query={query} list="stats" name={`stats-${groupBy}`} />
    </div>
  );
}

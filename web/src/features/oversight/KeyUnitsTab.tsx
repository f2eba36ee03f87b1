// Key supervised units (重点监管单位) of the division and year.
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useQuery } from '@tanstack/react-query';
import { type Schemas, unwrap } from '../../lib/api.ts';
import { PARTY_KIND, PARTY_STATUS } from '../../lib/enum-labels.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { ListTools } from './ListTools.tsx';

export function KeyUnitsTab({ division, year }: { division: string; year: number }) {
  const { api } = useSession();
  const t = useT();
  const query = { division, year, limit: 100 };
  const list = useQuery({
    queryKey: ['oversight', 'key-units', query],
    queryFn: () => unwrap(api.GET('/v1/oversight/key-units', { params: { query } })) as Promise<Schemas['KeyUnitPage']>,
  });
  return (
    <section aria-labelledby="ok-h">
      <h2 id="ok-h">{t('重点监管单位')}</h2>
      <ProblemBanner refusal={refusalOf(list.error)} />
      <ScrollRegion label={t('重点监管单位')}>
        <table>
          <thead>
            <tr>
              <th>{t('单位')}</th>
              <th>{t('统一社会信用代码')}</th>
              <th>{t('区划')}</th>
              <th>{t('类型')}</th>
              <th>{t('状态')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.uscc}</td>
                <td>{p.divisionCode}</td>
                <td>{p.kinds.map((k) => t(PARTY_KIND[k])).join('、')}</td>
                <td>{t(PARTY_STATUS[p.status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {list.data && list.data.items.length === 0 && <p className="muted">{t('没有记录')}</p>}
      <ListTools path="/v1/oversight/key-units" query={query} list="key-units" name="key-units" />
    </section>
  );
}

// Manifests whose generator or receiver lies in the division (/v1/oversight/manifests), by status and waste code.
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { PartyName } from '../../components/PartyName.tsx';
import { cst, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { STATUS } from '../../lib/labels.ts';
import { Link } from '../../lib/nav.tsx';
import { OversightList } from './OversightList.tsx';

export function ManifestsTab({ division }: { division: string }) {
  const t = useT();
  const filters = [
    { name: 'status', label: t('状态'), options: STATUS },
    { name: 'wasteCode', label: t('废物代码') },
  ];
  return (
    <OversightList path="/v1/oversight/manifests" division={division} title={t('联单')} filters={filters}>
      {(items) => (
        <ScrollRegion label={t('联单')}>
          <table>
            <thead>
              <tr>
                <th>{t('联单编号')}</th>
                <th>{t('状态')}</th>
                <th>{t('移出人')}</th>
                <th>{t('接受人')}</th>
                <th>{t('废物代码')}</th>
                <th className="num">{t('数量(kg)')}</th>
                <th>{t('更新时间')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/manifests/${m.id}`}>{m.number}</Link>
                  </td>
                  <td>{t(STATUS[m.status] ?? m.status)}</td>
                  <td>
                    <PartyName id={m.generatorId} />
                  </td>
                  <td>
                    <PartyName id={m.receiverId} />
                  </td>
                  <td>{m.wasteCodes.join(', ')}</td>
                  <td className="num">{kg(m.quantityKg)}</td>
                  <td>{cst(m.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </OversightList>
  );
}

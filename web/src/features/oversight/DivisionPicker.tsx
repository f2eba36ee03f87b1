// Division drill-down (province → city → county) within the regulator's jurisdiction: the jurisdiction is the top,
// each level's children from /v1/catalogue/divisions?parent=.
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';

const NATIONWIDE = '00';

/** The path of codes from the jurisdiction down to `division` (2, 4, 6 digits: each a prefix of the next). */
export function divisionPath(jurisdiction: string, division: string): string[] {
  const path = jurisdiction === NATIONWIDE ? [] : [jurisdiction];
  if (division === NATIONWIDE || !division.startsWith(jurisdiction === NATIONWIDE ? '' : jurisdiction)) return path;
  for (let len = jurisdiction === NATIONWIDE ? 2 : jurisdiction.length + 2; len <= division.length; len += 2)
    path.push(division.slice(0, len));
  return path;
}

export function DivisionPicker({ value, onChange }: { value: string; onChange(code: string): void }) {
  const { api, me } = useSession();
  const t = useT();
  const jurisdiction = me.jurisdiction ?? NATIONWIDE;
  const path = divisionPath(jurisdiction, value);
  const parent = path.at(-1);
  const children = useQuery({
    queryKey: ['divisions', parent ?? 'provinces'],
    enabled: !parent || parent.length < 6,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => unwrap(api.GET('/v1/catalogue/divisions', { params: { query: parent ? { parent } : {} } })),
  });
  const names = useQuery({
    queryKey: ['division-names', ...path],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () =>
      Promise.all(
        path.map((code) => unwrap(api.GET('/v1/catalogue/divisions/{code}', { params: { path: { code } } }))),
      ),
  });
  const list = children.data?.items ?? [];
  return (
    <div className="division-picker">
      <nav aria-label={t('区划')} className="crumbs">
        <button
          type="button"
          className="link"
          onClick={() => onChange(jurisdiction)}
          aria-current={value === jurisdiction ? 'true' : undefined}
        >
          {jurisdiction === NATIONWIDE ? t('全国') : (names.data?.[0]?.name ?? jurisdiction)}
        </button>
        {path.slice(jurisdiction === NATIONWIDE ? 0 : 1).map((code, i) => (
          <span key={code}>
            {' › '}
            <button
              type="button"
              className="link"
              onClick={() => onChange(code)}
              aria-current={code === value ? 'true' : undefined}
            >
              {names.data?.[i + (jurisdiction === NATIONWIDE ? 0 : 1)]?.name ?? code}
            </button>
          </span>
        ))}
      </nav>
      {list.length > 0 && (
        <label>
          {t('下级区划')}{' '}
          <select value="" onChange={(e) => e.target.value && onChange(e.target.value)}>
            <option value="">—</option>
            {list.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

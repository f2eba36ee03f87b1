// What the oversight list tabs share (预警, 联单, 事故): the filters above, the division's list route fetched page by
// page (加载更多 follows `nextCursor`), the refusal, 没有记录, and ListTools (导出CSV, the large export) below. A tab
// gives only its route, its filters and how its items look.
import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import type { Schemas } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { compact, looseGet } from '../../lib/loose.ts';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import type { ExportList } from './LargeExport.tsx';
import { ListTools } from './ListTools.tsx';

/** Each list route's JSON page (the generated schema's): the route's path fixes the type of its items. */
interface Pages {
  '/v1/oversight/alerts': Schemas['AlertPage'];
  '/v1/oversight/incidents': Schemas['IncidentPage'];
  '/v1/oversight/manifests': Schemas['OversightManifestPage'];
}
type ListPath = keyof Pages;
type ItemOf<P extends ListPath> = Pages[P]['items'][number];
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
const EXPORT_LIST: Record<ListPath, ExportList> = {
  '/v1/oversight/alerts': 'alerts',
  '/v1/oversight/incidents': 'incidents',
  '/v1/oversight/manifests': 'manifests',
};

/** A filter: a select of `options` (value → Chinese name, with 全部 first), or a text input when it has none. */
export interface Filter {
  name: string;
  label: string;
  initial?: string;
  options?: Record<string, string>;
}

interface Props<P extends ListPath> {
  path: P;
  division: string;
  title: string;
  filters: Filter[];
  /** the items of the pages loaded so far */
  children(items: ItemOf<P>[]): ReactNode;
}

const PAGE = 100;

export function OversightList<P extends ListPath>({ path, division, title, filters, children }: Props<P>) {
  const { api } = useSession();
  const t = useT();
  const formId = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(filters.map((f) => [f.name, f.initial ?? ''])),
  );
  const query = compact({ division, ...values, limit: PAGE });
  const list = useInfiniteQuery({
    queryKey: ['oversight', EXPORT_LIST[path], query],
    initialPageParam: '',
    queryFn: ({ pageParam }) => looseGet<Page<ItemOf<P>>>(api, path, compact({ ...query, cursor: pageParam })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const headingId = `${EXPORT_LIST[path]}-h`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <div className="filters">
        {filters.map((f) => {
          const id = `${formId}-${f.name}`;
          const value = values[f.name] ?? '';
          const set = (v: string) => setValues({ ...values, [f.name]: v });
          return (
            <span key={f.name} className="filter">
              <label htmlFor={id}>{f.label}</label>{' '}
              {f.options ? (
                <select id={id} value={value} onChange={(e) => set(e.target.value)}>
                  <option value="">{t('全部')}</option>
                  {Object.entries(f.options).map(([k, v]) => (
                    <option key={k} value={k}>
                      {t(v)}
                    </option>
                  ))}
                </select>
              ) : (
                <input id={id} value={value} onChange={(e) => set(e.target.value)} size={12} />
              )}
            </span>
          );
        })}
      </div>
      <ProblemBanner refusal={refusalOf(list.error)} />
      {children(items)}
      {list.isSuccess && items.length === 0 && <p className="muted">{t('没有记录')}</p>}
      {list.hasNextPage && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('加载更多')}
          </button>
        </div>
      )}
      <ListTools path={path} query={query} list={EXPORT_LIST[path]} name={EXPORT_LIST[path]} />
    </section>
  );
}

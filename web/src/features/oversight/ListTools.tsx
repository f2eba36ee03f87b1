// What every oversight list has under its table: 导出CSV (the list's route as text/csv, up to 10,000 rows) and, when
// more than that, the large export.
import { useSession } from '../../lib/session.tsx';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner } from '../../lib/problem.tsx';
import { useAction } from '../../lib/use-action.ts';
import { downloadCsv } from '../../lib/loose.ts';
import { LargeExport, type ExportList } from './LargeExport.tsx';

export function ListTools({
  path,
  query,
  list,
  name,
}: {
  path: string;
  query: Record<string, unknown>;
  list: ExportList;
  name: string;
}) {
  const { api } = useSession();
  const t = useT();
  const csv = useAction();
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <div className="list-tools">
      <div className="actions">
        <button
          type="button"
          disabled={csv.busy}
          onClick={() => void csv.run(() => downloadCsv(api, path, query, `${name}-${stamp}.csv`))}
        >
          {t('导出CSV')}
        </button>
        <LargeExport list={list} query={query} name={name} />
      </div>
      <ProblemBanner refusal={csv.refusal} />
    </div>
  );
}

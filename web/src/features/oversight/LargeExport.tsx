// The large export (api.md "Chains and oversight"): POST /v1/oversight/exports → 202 {id}; GET …/exports/{id} polled
// every 2 s, its rows shown as progress, until done (then the CSV downloads from its url) or failed.
import { skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../lib/i18n.tsx';
import { downloadBlob } from '../../lib/loose.ts';
import { unwrap } from '../../lib/api.ts';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';

export type ExportList = 'manifests' | 'alerts' | 'stats' | 'key-units' | 'incidents';

export function LargeExport({ list, query, name }: { list: ExportList; query: Record<string, unknown>; name: string }) {
  const { api } = useSession();
  const t = useT();
  const start = useAction();
  const save = useAction();
  const [id, setId] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['export', id],
    // skipToken until an export is started: no id, no request
    queryFn: id ? () => unwrap(api.GET('/v1/oversight/exports/{id}', { params: { path: { id } } })) : skipToken,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 2_000 : false),
  });
  const fetchFile = (url: string) => {
    // Locally the url is a route of the same origin (needs the token); in AWS a pre-signed S3 URL (needs none).
    const u = new URL(url, window.location.origin);
    if (u.origin === window.location.origin)
      return downloadBlob(api, u.pathname, Object.fromEntries(u.searchParams), `${name}.csv`);
    window.location.assign(u.href);
    return Promise.resolve();
  };
  const ready = job.data?.status === 'done' ? job.data.url : undefined;
  return (
    <>
      <button
        type="button"
        disabled={start.busy || job.data?.status === 'running'}
        onClick={() =>
          void start.run(async () => {
            const created = await unwrap(
              api.POST('/v1/oversight/exports', {
                body: { list, query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) },
              }),
            );
            setId(created.id);
          })
        }
      >
        {t('大批量导出')}
      </button>
      {id && (
        <span role="status" className="export-status">
          {ready ? (
            <button type="button" className="link" onClick={() => void save.run(() => fetchFile(ready))}>
              {t('下载导出文件')} ({job.data?.rows ?? 0} {t('行')})
            </button>
          ) : job.data?.status === 'failed' ? (
            t('导出失败')
          ) : (
            `${t('导出中')}… ${job.data?.rows ?? 0} ${t('行')}`
          )}
          {job.data?.status === 'running' && <progress aria-label={t('导出进度')} />}
        </span>
      )}
      <ProblemBanner refusal={start.refusal ?? save.refusal ?? refusalOf(job.error)} />
    </>
  );
}

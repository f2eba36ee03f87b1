// 链条: the chain through a manifest (/chain/{manifestId}), or a form to find one by its 14-digit number. The graph
// (and its layout library) is a lazy chunk; 下载证据包 downloads ?format=evidence.
import '../../components/regulator.css';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { unwrap } from '../../lib/api.ts';
import { kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { downloadBlob } from '../../lib/loose.ts';
import { navigate } from '../../lib/nav.tsx';
import { ProblemBanner, RefusalScope, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';

const ChainGraph = lazy(() => import('./ChainGraph.tsx'));

export default function Chain({ params }: { params: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <h1>{t('链条')}</h1>
      <FindManifest />
      {params.id && <ChainView id={params.id} />}
    </>
  );
}

function FindManifest() {
  const { api } = useSession();
  const t = useT();
  const [number, setNumber] = useState('');
  const find = useAction();
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void find.run(async () => {
          const m = await unwrap(api.GET('/v1/manifests/by-number/{number}', { params: { path: { number } } }));
          navigate(`/chain/${m.id}`);
        });
      }}
    >
      <RefusalScope refusal={find.refusal}>
        <Field
          label={t('联单编号')}
          path="param.number"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          inputMode="numeric"
          maxLength={14}
        />
      </RefusalScope>
      <button type="submit" disabled={find.busy}>
        {t('打开')}
      </button>
      <ProblemBanner refusal={find.refusal} placed={['param.number']} />
    </form>
  );
}

function ChainView({ id }: { id: string }) {
  const { api } = useSession();
  const t = useT();
  const evidence = useAction();
  const chain = useQuery({
    queryKey: ['chain', id, 'graph'],
    queryFn: () =>
      unwrap(api.GET('/v1/chains/{manifestId}', { params: { path: { manifestId: id }, query: { depth: 50 } } })),
  });
  const c = chain.data;
  const start = c?.nodes.find((n) => n.relation === 'start');
  // What the disposal reports of the chain disposed of (a manifest's own `disposed` repeats its reports' kilograms).
  const disposed = c
    ? c.nodes.filter((n) => n.type === 'disposal').reduce((s, n) => s + Math.round(n.kg.disposed * 1000), 0) / 1000
    : 0;
  return (
    <section aria-labelledby="chain-view-h">
      <h2 id="chain-view-h">
        {t('经过联单')} {start?.number ?? id}
      </h2>
      <ProblemBanner refusal={refusalOf(chain.error) ?? evidence.refusal} />
      {c && (
        <>
          <p className="actions">
            <a
              href={`/v1/chains/${id}?format=evidence`}
              onClick={(e) => {
                e.preventDefault();
                void evidence.run(() =>
                  downloadBlob(
                    api,
                    `/v1/chains/${id}`,
                    { format: 'evidence', depth: 50 },
                    `evidence-${start?.number ?? id}.json`,
                  ),
                );
              }}
            >
              {t('下载证据包')}
            </a>
          </p>
          <p role="status">
            {c.nodes.length} {t('个节点')} · {t('处置合计')} <output name="disposed-total">{kg(disposed)}</output>
            {c.nextCursor && ` · ${t('节点超过500，仅显示第一页')}`}
          </p>
          <Suspense fallback={<p className="loading">…</p>}>
            <ChainGraph nodes={c.nodes} edges={c.edges} />
          </Suspense>
        </>
      )}
    </section>
  );
}

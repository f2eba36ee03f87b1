// 跨省转移: a generator's applications (and 提交申请); a regulator's queue (the steps their province owes, soonest
// due first) and the approvals of the province with 撤销批准.
import '../../components/regulator.css';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../lib/i18n.tsx';
import { unwrap } from '../../lib/api.ts';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { oversees, useSession } from '../../lib/session.tsx';
import { ApplicationCard } from './ApplicationCard.tsx';
import { ApplicationForm } from './ApplicationForm.tsx';
import { Approvals } from './Approvals.tsx';
import type { Application } from './model.ts';

const byDue = (a: Application, b: Application) => (a.due?.dueAt ?? '9999').localeCompare(b.due?.dueAt ?? '9999');

export default function Applications() {
  const { me, partyId } = useSession();
  const t = useT();
  const regulator = oversees(me);
  const province = (me.jurisdiction ?? '00').slice(0, 2);
  return (
    <>
      <h1>{t('跨省转移')}</h1>
      {regulator ? (
        <>
          <ApplicationList
            title={t('待办队列')}
            query={{ province, limit: 100 }}
            keep={(a) => a.due?.province === province}
          />
          <ApplicationList
            title={t('本省相关申请')}
            query={{ province, limit: 100 }}
            keep={(a) => a.due?.province !== province}
          />
          <Approvals province={province} />
        </>
      ) : (
        <>
          <ApplicationList title={t('我的申请')} query={{ generatorId: partyId, limit: 100 }} />
          <ApplicationForm />
        </>
      )}
    </>
  );
}

function ApplicationList({
  title,
  query,
  keep = () => true,
}: {
  title: string;
  query: Record<string, string | number>;
  keep?: (a: Application) => boolean;
}) {
  const { api } = useSession();
  const t = useT();
  // A queue is the queue now: fetched again whenever the screen is shown (another province may have acted).
  const list = useQuery({
    queryKey: ['applications', query],
    staleTime: 0,
    queryFn: () => unwrap(api.GET('/v1/approval-applications', { params: { query } })),
  });
  const items = (list.data?.items ?? []).filter(keep).sort(byDue);
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ProblemBanner refusal={refusalOf(list.error)} />
      <ul className="cards">
        {items.map((a) => (
          <ApplicationCard key={a.id} application={a} />
        ))}
      </ul>
      {list.data && items.length === 0 && <p className="muted">{t('没有记录')}</p>}
    </section>
  );
}

// The approvals of a regulator's province and those inbound to it (GET /v1/approvals?province=), with 撤销批准.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PartyName } from '../../components/PartyName.tsx';
import { Field } from '../../components/Field.tsx';
import { kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { unwrap } from '../../lib/api.ts';
import { ProblemBanner, RefusalScope, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';

interface Approval {
  id: string;
  generatorId: string;
  receiverId: string;
  wasteCodes: { code: string; maxKg: number; consumedKg?: number }[];
  validFrom: string;
  validTo: string;
  status?: string;
  revokedAt?: string;
  version: number;
}

export function Approvals({ province }: { province: string }) {
  const { api } = useSession();
  const t = useT();
  const list = useQuery({
    queryKey: ['applications', 'approvals', province],
    staleTime: 0,
    queryFn: () => unwrap(api.GET('/v1/approvals', { params: { query: { province, limit: 100 } } })),
  });
  return (
    <section aria-labelledby="appr-h">
      <h2 id="appr-h">{t('批准')}</h2>
      <ProblemBanner refusal={refusalOf(list.error)} />
      <ul className="cards">
        {list.data?.items.map((a) => (
          <ApprovalCard key={a.id} approval={a} />
        ))}
      </ul>
      {list.data && list.data.items.length === 0 && <p className="muted">{t('没有记录')}</p>}
    </section>
  );
}

function ApprovalCard({ approval: a }: { approval: Approval }) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useAction();
  const revoked = !!a.revokedAt || a.status === 'revoked';
  return (
    <li className="card">
      <p>
        <strong>
          <PartyName id={a.generatorId} /> → <PartyName id={a.receiverId} />
        </strong>{' '}
        {revoked && <span className="badge warn">{t('已撤销')}</span>}
      </p>
      <p className="muted">
        {t('批准编号')} <code className="id">{a.id}</code> ·{' '}
        {a.wasteCodes.map((w) => `${w.code} ≤ ${kg(w.maxKg)}`).join('; ')} · {a.validFrom} – {a.validTo}
      </p>
      {!revoked && !asking && (
        <button type="button" onClick={() => setAsking(true)}>
          {t('撤销批准')}
        </button>
      )}
      {asking && (
        <RefusalScope refusal={revoke.refusal}>
          <ProblemBanner refusal={revoke.refusal} placed={['reason']} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void revoke.run(async () => {
                await unwrap(
                  api.POST('/v1/approvals/{id}/revoke', { params: { path: { id: a.id } }, body: { reason } }),
                );
                setAsking(false);
                await qc.invalidateQueries({ queryKey: ['applications', 'approvals'] });
              });
            }}
          >
            <Field label={t('理由')} path="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" disabled={revoke.busy}>
              {t('确定')} {t('撤销批准')}
            </button>
          </form>
        </RefusalScope>
      )}
    </li>
  );
}

// One application: its state, the step owed and its due date, its history, and the caller's actions now (from
// …/actions, the API's own table), each asking for what it needs (missing items, a reason, the approved period).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PartyName } from '../../components/PartyName.tsx';
import { Field } from '../../components/Field.tsx';
import { cst, kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { loosePost } from '../../lib/loose.ts';
import { unwrap } from '../../lib/api.ts';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { AttachmentsField } from './AttachmentsField.tsx';
import {
  actionNames,
  APP_ACTION,
  APP_STATUS,
  APP_STEP,
  type AppAction,
  type Application,
  ATTACHMENT_KIND,
  type Attachment,
} from './model.ts';

/** What each action sends, from what the form holds. */
function bodyOf(action: AppAction, f: { text: string; from: string; to: string; attachments: Attachment[] }) {
  if (action === 'incomplete')
    return {
      missing: f.text
        .split(/[,，;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    };
  if (action === 'decline' || action === 'refuse') return { reason: f.text };
  if (action === 'approve') return { validFrom: f.from, validTo: f.to };
  if (action === 'resubmit') return { attachments: f.attachments };
  return {};
}

export function ApplicationCard({ application: a }: { application: Application }) {
  const { api } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const actions = useQuery({
    queryKey: ['applications', a.id, 'actions'],
    staleTime: 0,
    queryFn: () => unwrap(api.GET('/v1/approval-applications/{id}/actions', { params: { path: { id: a.id } } })),
  });
  const [asking, setAsking] = useState<AppAction | null>(null);
  const [text, setText] = useState('');
  const [from, setFrom] = useState(a.requestedFrom);
  const [to, setTo] = useState(a.requestedTo);
  const [attachments, setAttachments] = useState<Attachment[]>(a.attachments);
  const act = useAction();
  const needsForm = (x: AppAction) => x !== 'accept' && x !== 'request-consent' && x !== 'consent';
  const perform = (x: AppAction) =>
    act.run(async () => {
      await loosePost(api, `/v1/approval-applications/${a.id}/${x}`, bodyOf(x, { text, from, to, attachments }));
      setAsking(null);
      setText('');
      await qc.invalidateQueries({ queryKey: ['applications'] });
    });
  return (
    <li className="card" aria-label={`${t('申请')} ${a.id.slice(0, 8)}`}>
      <p>
        <strong>
          <PartyName id={a.generatorId} /> → <PartyName id={a.receiverId} />
        </strong>{' '}
        · <span className="badge">{t(APP_STATUS[a.status] ?? a.status)}</span>
      </p>
      <p className="muted">
        {a.wasteCodes.map((w) => `${w.code} ≤ ${kg(w.maxKg)}`).join('; ')} · {a.requestedFrom} – {a.requestedTo}
        {a.due && (
          <>
            {' '}
            · {t(APP_STEP[a.due.step])} · {t('本步期限')} <strong>{cst(a.due.dueAt)}</strong> (
            {a.due.owedBy === 'outbound' ? t('移出省办理') : t('接受省办理')})
            {a.due.overdue && <span className="badge warn"> {t('已逾期')}</span>}
          </>
        )}
        {a.approvalId && (
          <>
            {' '}
            · {t('批准编号')} <code className="id">{a.approvalId}</code>
          </>
        )}
      </p>
      {a.missing && a.missing.length > 0 && (
        <p>
          {t('需补正')}: {a.missing.join('、')}
        </p>
      )}
      <details>
        <summary>{t('办理记录')}</summary>
        <ol>
          {a.history.map((h) => (
            <li key={`${h.at}:${h.status}`}>
              {t(APP_STATUS[h.status] ?? h.status)} · {cst(h.at)}
              {h.dueAt && ` · ${t('期限')} ${cst(h.dueAt)}`}
              {h.reason && ` · ${h.reason}`}
            </li>
          ))}
        </ol>
        <ul>
          {a.attachments.map((f) => (
            <li key={`${f.kind}:${f.name}:${f.documentHash}`}>
              {t(ATTACHMENT_KIND[f.kind])} · {f.name} · <code>{f.documentHash.slice(0, 16)}…</code>
            </li>
          ))}
        </ul>
      </details>
      <RefusalScope refusal={act.refusal}>
        <ProblemBanner
          refusal={act.refusal}
          placed={['missing', 'reason', 'validFrom', 'validTo', 'attachments']}
          onReload={() => void qc.invalidateQueries({ queryKey: ['applications'] })}
        />
        <div className="actions">
          {actionNames(actions.data).map((x) => (
            <button
              key={x}
              type="button"
              disabled={act.busy}
              onClick={() => (needsForm(x) ? setAsking(x) : void perform(x))}
            >
              {t(APP_ACTION[x])}
            </button>
          ))}
        </div>
        {asking && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void perform(asking);
            }}
          >
            {(asking === 'incomplete' || asking === 'decline' || asking === 'refuse') && (
              <Field
                label={asking === 'incomplete' ? t('需补正的材料') : t('理由')}
                path={asking === 'incomplete' ? 'missing' : 'reason'}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
            {asking === 'approve' && (
              <>
                <Field
                  label={t('有效期自')}
                  path="validFrom"
                  type="date"
                  value={from}
                  onChange={(e) => setFrom(e.target.value)}
                />
                <Field
                  label={t('有效期至')}
                  path="validTo"
                  type="date"
                  value={to}
                  onChange={(e) => setTo(e.target.value)}
                />
              </>
            )}
            {asking === 'resubmit' && <AttachmentsField value={attachments} onChange={setAttachments} />}
            <button type="submit" disabled={act.busy}>
              {t('确定')} {t(APP_ACTION[asking])}
            </button>{' '}
            <button type="button" className="link" onClick={() => setAsking(null)}>
              {t('取消')}
            </button>
          </form>
        )}
      </RefusalScope>
    </li>
  );
}

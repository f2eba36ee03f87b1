// 新建联单: counterpart and catalogue search, lines, 校验 (every refusal dispatch would give, before signing),
// 保存草稿, 移出确认, 作废. Nothing typed is lost on a refusal: the form state is only ever changed by the user.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { PartySearch } from '../../components/PartySearch.tsx';
import { unwrap, type Manifest, type Schemas } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { navigate, useLocation } from '../../lib/nav.tsx';
import { ProblemBanner, RefusalScope, type Refusal } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { bodyOf, draftOf, emptyDraft, emptyLine, type Draft, type LineDraft } from './draft.ts';
import { ApprovalField } from './ApprovalField.tsx';
import { LineFields } from './LineFields.tsx';

export default function ManifestForm() {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const { query } = useLocation();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [saved, setSaved] = useState<Manifest | null>(null);
  const [validation, setValidation] = useState<Schemas['ManifestValidation'] | null>(null);
  const [cancelReason, setCancelReason] = useState<string | null>(null);
  const { busy, refusal, setRefusal, run } = useAction();
  // A collector ships on what it received: its received lines can be a line's source.
  const received = useQuery({
    queryKey: ['manifests', { partyId, role: 'receiver', status: 'received' }],
    queryFn: () =>
      unwrap(
        api.GET('/v1/manifests', { params: { query: { partyId, role: 'receiver', status: 'received', limit: 50 } } }),
      ),
  });
  const sources: [string, string][] = (received.data?.items ?? []).flatMap((m) =>
    m.lines.flatMap((l): [string, string][] =>
      l.receipt && l.receipt.acceptedKg > 0
        ? [[`${m.id}:${l.lineNo}`, `${m.number} #${l.lineNo} ${l.wasteCode} ${l.receipt.acceptedKg} kg`]]
        : [],
    ),
  );

  // Editing a saved draft (/manifests/new?draft=<id>): load it once.
  const draftId = query.get('draft');
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads the draft once per id
  useEffect(() => {
    if (!draftId) return;
    void run(async () => {
      const m = await unwrap(api.GET('/v1/manifests/{id}', { params: { path: { id: draftId } } }));
      setSaved(m);
      setDraft(draftOf(m, {}));
    });
  }, [draftId]);

  const setLine = (i: number, patch: Partial<LineDraft>) =>
    setDraft((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));

  // What was last saved, so that 移出确认 on an unchanged draft does not write it again.
  const [savedBody, setSavedBody] = useState('');
  async function save(): Promise<Manifest> {
    const body = bodyOf(partyId, draft);
    const json = JSON.stringify(body);
    if (saved && json === savedBody) return saved;
    if (!saved) {
      const m = await unwrap(api.POST('/v1/manifests', { body }));
      setSaved(m);
      setSavedBody(json);
      return m;
    }
    const { generatorId: _g, ...fields } = body;
    // Merge patch: an approval taken off the form is removed with null.
    const patch = saved.approvalId && !fields.approvalId ? { ...fields, approvalId: null } : fields;
    const m = await unwrap(
      api.PATCH('/v1/manifests/{id}', {
        params: { path: { id: saved.id }, header: { 'If-Match': `"${saved.version}"` } as never },
        body: patch as never,
      }),
    );
    setSaved(m);
    setSavedBody(json);
    return m;
  }

  const validate = () =>
    run(async () => {
      const v = await unwrap(api.POST('/v1/manifests/validate', { body: bodyOf(partyId, draft) }));
      setValidation(v);
    });
  const saveDraft = () =>
    run(async () => {
      await save();
      setValidation(null);
      void qc.invalidateQueries({ queryKey: ['manifests'] });
    });
  const dispatch = () =>
    run(async () => {
      const m = await save();
      await unwrap(api.POST('/v1/manifests/{id}/dispatch', { params: { path: { id: m.id } } }));
      void qc.invalidateQueries();
      navigate(`/manifests/${m.id}`);
    });
  const cancel = () =>
    run(async () => {
      if (!saved) return;
      await unwrap(
        api.POST('/v1/manifests/{id}/cancel', {
          params: { path: { id: saved.id } },
          body: { reason: cancelReason ?? '' },
        }),
      );
      void qc.invalidateQueries();
      navigate(`/manifests/${saved.id}`);
    });
  const reload = () =>
    run(async () => {
      if (!saved) return;
      setSaved(await unwrap(api.GET('/v1/manifests/{id}', { params: { path: { id: saved.id } } })));
    });

  // The validation's refusals are shown like a refusal: each beside its field, the rest at the top.
  const shown: Refusal | null =
    refusal ??
    (validation && !validation.valid
      ? { detail: t('移出确认将被拒绝：') + validation.errors.length + t(' 项'), errors: validation.errors }
      : null);
  const placed = [
    'receiverId',
    'transporterIds',
    'plannedPickupAt',
    'approvalId',
    ...draft.lines.map((_, i) => `lines.${i}`),
    ...(cancelReason !== null ? ['reason'] : []),
  ];

  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void saveDraft();
      }}
      aria-labelledby="mf-h"
    >
      <h1 id="mf-h">{saved ? `${t('联单')} ${saved.number}` : t('新建联单')}</h1>
      {saved && (
        <p className="ok" role="status">
          {t('草稿已保存，联单编号')} <span className="number">{saved.number}</span>
        </p>
      )}
      {validation?.valid && !refusal && (
        <p className="ok" role="status">
          {t('校验通过：移出确认不会被拒绝。')}
        </p>
      )}
      {validation && validation.warnings.length > 0 && (
        <ul className="muted">
          {validation.warnings.map((w) => (
            <li key={`${w.path}:${w.code}`}>
              {w.path} {w.message}
            </li>
          ))}
        </ul>
      )}
      <ProblemBanner refusal={shown} placed={placed} onReload={reload} />
      <RefusalScope refusal={shown}>
        <div className="grid">
          <PartySearch
            label={t('接受单位')}
            kind="receiver"
            path="receiverId"
            value={draft.receiver}
            onChange={(receiver) => setDraft((d) => ({ ...d, receiver }))}
          />
          <PartySearch
            label={t('承运单位')}
            kind="transporter"
            path="transporterIds"
            multiple
            value={draft.carriers}
            onChange={(carriers) => setDraft((d) => ({ ...d, carriers }))}
          />
          <Field
            label={t('计划提货时间')}
            path="plannedPickupAt"
            type="datetime-local"
            value={draft.plannedPickupAt}
            onChange={(e) => setDraft((d) => ({ ...d, plannedPickupAt: e.target.value }))}
          />
          <ApprovalField
            receiverId={draft.receiver[0]?.id ?? ''}
            value={draft.approvalId}
            onChange={(approvalId) => setDraft((d) => ({ ...d, approvalId }))}
          />
        </div>
        {draft.lines.map((line, i) => (
          <LineFields
            // biome-ignore lint/suspicious/noArrayIndexKey: a line's position is its lineNo, its identity in the API's paths
            key={i}
            index={i}
            line={line}
            sources={sources}
            onChange={(patch) => setLine(i, patch)}
            {...(draft.lines.length > 1
              ? { onRemove: () => setDraft((d) => ({ ...d, lines: d.lines.filter((_, j) => j !== i) })) }
              : {})}
          />
        ))}
      </RefusalScope>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setDraft((d) => ({ ...d, lines: [...d.lines, emptyLine()] }))}
        >
          {t('添加明细')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={validate}>
          {t('校验')}
        </button>
        <button type="submit" className="secondary" disabled={busy}>
          {t('保存草稿')}
        </button>
        <button type="button" disabled={busy} onClick={dispatch}>
          {t('移出确认')}
        </button>
        {saved && cancelReason === null && (
          <button type="button" className="danger" onClick={() => setCancelReason('')}>
            {t('作废')}
          </button>
        )}
      </div>
      {saved && cancelReason !== null && (
        <div className="card">
          <RefusalScope refusal={shown}>
            <Field
              label={t('作废原因')}
              path="reason"
              value={cancelReason}
              onChange={(e) => setCancelReason(e.target.value)}
            />
          </RefusalScope>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={cancel}>
              {t('作废')}
            </button>
            <button
              type="button"
              className="link"
              onClick={() => {
                setCancelReason(null);
                setRefusal(null);
              }}
            >
              {t('取消')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

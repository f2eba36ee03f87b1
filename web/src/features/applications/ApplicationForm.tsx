// 提交申请: a generator applies to its own province for a cross-province transfer (POST /v1/approval-applications).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, Select } from '../../components/Field.tsx';
import { PartySearch } from '../../components/PartySearch.tsx';
import { WasteCodeField } from '../../components/WasteCodeField.tsx';
import { num } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { unwrap } from '../../lib/api.ts';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';
import { AttachmentsField } from './AttachmentsField.tsx';
import { type Attachment, METHOD } from './model.ts';

export function ApplicationForm() {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  const submit = useAction();
  const [receiver, setReceiver] = useState<{ id: string; name: string }[]>([]);
  const [lines, setLines] = useState([{ key: crypto.randomUUID(), code: '', maxKg: '' }]);
  const [method, setMethod] = useState<'store' | 'utilise' | 'dispose'>('dispose');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [done, setDone] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await unwrap(
            api.POST('/v1/approval-applications', {
              body: {
                generatorId: partyId,
                receiverId: receiver[0]?.id ?? '',
                method,
                requestedFrom: from,
                requestedTo: to,
                attachments,
                wasteCodes: lines.map((l) => ({ code: l.code, maxKg: num(l.maxKg) })),
              },
            }),
          );
          setDone(true);
          await qc.invalidateQueries({ queryKey: ['applications'] });
        });
      }}
    >
      <h2>{t('新申请')}</h2>
      <RefusalScope refusal={submit.refusal}>
        <ProblemBanner
          refusal={submit.refusal}
          placed={['receiverId', 'wasteCodes', 'method', 'requestedFrom', 'requestedTo', 'attachments']}
        />
        <PartySearch label={t('接受单位')} kind="receiver" path="receiverId" value={receiver} onChange={setReceiver} />
        {lines.map((l, i) => (
          <div key={l.key} className="row">
            <WasteCodeField
              path={`wasteCodes.${i}.code`}
              value={l.code}
              onChange={(code) => setLines(lines.map((x, j) => (j === i ? { ...x, code } : x)))}
            />
            <Field
              label={t('最大数量(kg)')}
              path={`wasteCodes.${i}.maxKg`}
              inputMode="decimal"
              value={l.maxKg}
              onChange={(e) => setLines(lines.map((x, j) => (j === i ? { ...x, maxKg: e.target.value } : x)))}
            />
          </div>
        ))}
        <button type="button" onClick={() => setLines([...lines, { key: crypto.randomUUID(), code: '', maxKg: '' }])}>
          {t('添加废物')}
        </button>
        <Select
          label={t('利用处置方式')}
          path="method"
          value={method}
          onChange={(e) => setMethod(e.target.value as typeof method)}
          options={Object.entries(METHOD).map(([k, v]) => [k, t(v)])}
        />
        <Field
          label={t('申请起始日')}
          path="requestedFrom"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Field
          label={t('申请截止日')}
          path="requestedTo"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <AttachmentsField value={attachments} onChange={setAttachments} />
        <button type="submit" disabled={submit.busy}>
          {t('提交申请')}
        </button>
        {done && !submit.refusal && <p role="status">{t('申请已提交')}</p>}
      </RefusalScope>
    </form>
  );
}

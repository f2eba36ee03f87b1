// A regulator's close with a note (关闭预警, 关闭事故): the API's refusal of the note shows beside 备注, the rest above.
import { useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, RefusalScope } from '../../lib/problem.tsx';
import { useAction } from '../../lib/use-action.ts';

export function CloseWithNote({ action, close }: { action: string; close(note: string): Promise<unknown> }) {
  const t = useT();
  const [note, setNote] = useState('');
  const { busy, refusal, run } = useAction();
  return (
    <>
      <ProblemBanner refusal={refusal} placed={['note']} />
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => close(note));
        }}
      >
        <RefusalScope refusal={refusal}>
          <Field label={t('备注')} path="note" value={note} onChange={(e) => setNote(e.target.value)} />
        </RefusalScope>
        <button type="submit" disabled={busy}>
          {action}
        </button>
      </form>
    </>
  );
}

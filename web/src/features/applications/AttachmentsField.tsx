// Attachments of an application: per file, its kind, and its name and SHA-256 read from a file chosen here (the
// file stays on this computer; only its name and hash are sent).
import { useId } from 'react';
import { FieldMessages } from '../../components/Field.tsx';
import { useT } from '../../lib/i18n.tsx';
import { ATTACHMENT_KIND, type Attachment, sha256Hex } from './model.ts';

export function AttachmentsField({ value, onChange }: { value: Attachment[]; onChange(v: Attachment[]): void }) {
  const t = useT();
  const id = useId();
  const defaultKind = value.length === 0 ? 'receiver-licence' : 'other';
  async function add(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    const select = document.getElementById(`${id}-kind`) as HTMLSelectElement;
    onChange([
      ...value,
      { kind: select.value as Attachment['kind'], name: file.name, documentHash: await sha256Hex(file) },
    ]);
    input.value = '';
  }
  return (
    <fieldset>
      <legend>{t('附件')}</legend>
      <ul>
        {value.map((a, i) => (
          <li key={`${a.kind}:${a.name}:${a.documentHash}`}>
            {t(ATTACHMENT_KIND[a.kind])} · {a.name} · <code title={a.documentHash}>{a.documentHash.slice(0, 16)}…</code>{' '}
            <button type="button" className="link" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('移除')}
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-kind`}>{t('附件类型')}</label>{' '}
      <select id={`${id}-kind`} defaultValue={defaultKind}>
        {Object.entries(ATTACHMENT_KIND).map(([k, v]) => (
          <option key={k} value={k}>
            {t(v)}
          </option>
        ))}
      </select>{' '}
      <label htmlFor={`${id}-file`}>{t('选择文件')}</label>{' '}
      <input id={`${id}-file`} type="file" onChange={(e) => void add(e.currentTarget)} />
      <FieldMessages path="attachments" />
    </fieldset>
  );
}

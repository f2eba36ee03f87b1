// Counterpart search over active parties (GET /v1/parties?status=active&kind=&q=): type part of a name, pick one
// (radio) or several (checkbox). The chosen stay listed while the search changes.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { unwrap } from '../lib/api.ts';
import { useT } from '../lib/i18n.tsx';
import { messagesFor, useRefusal } from '../lib/problem.tsx';
import { useSession } from '../lib/session.tsx';

type Kind = 'generator' | 'transporter' | 'receiver' | 'collector' | 'medical';
interface Props {
  label: string;
  kind: Kind;
  path: string;
  multiple?: boolean;
  value: { id: string; name: string }[];
  onChange(value: { id: string; name: string }[]): void;
}

export function PartySearch({ label, kind, path, multiple, value, onChange }: Props) {
  const { api } = useSession();
  const t = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['parties', kind, q],
    queryFn: () =>
      unwrap(api.GET('/v1/parties', { params: { query: { status: 'active', kind, ...(q ? { q } : {}), limit: 10 } } })),
  });
  const messages = messagesFor(useRefusal(), path);
  const chosen = new Set(value.map((v) => v.id));
  const options = [
    ...value,
    ...(found.data?.items ?? []).filter((p) => !chosen.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
  ];
  const toggle = (p: { id: string; name: string }, on: boolean) =>
    onChange(multiple ? (on ? [...value, p] : value.filter((v) => v.id !== p.id)) : on ? [p] : []);

  return (
    <div className={`field${messages.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('输入名称搜索')}
        aria-describedby={messages.length ? `${id}-err` : undefined}
        aria-invalid={messages.length > 0 || undefined}
      />
      <fieldset className="options" aria-label={`${label}${t('候选')}`}>
        {options.map((p) => (
          <label key={p.id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              checked={chosen.has(p.id)}
              onChange={(e) => toggle(p, e.target.checked)}
            />
            {p.name}
          </label>
        ))}
        {found.isSuccess && options.length === 0 && <span className="muted">{t('无匹配单位')}</span>}
      </fieldset>
      {messages.length > 0 && (
        <span id={`${id}-err`} className="field-error">
          {messages.join('; ')}
        </span>
      )}
    </div>
  );
}

// 废物代码 with suggestions from the catalogue (GET /v1/catalogue/waste-codes?q=); tells the catalogue entry once
// the typed code is one, so that a form can take its hazards.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { unwrap, type Schemas } from '../lib/api.ts';
import { useT } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { Field } from './Field.tsx';

interface Props {
  path: string;
  value: string;
  onChange(code: string): void;
  onEntry?(entry: Schemas['WasteCode']): void;
  label?: string;
}

export function WasteCodeField({ path, value, onChange, onEntry, label }: Props) {
  const { api } = useSession();
  const t = useT();
  const listId = useId();
  const q = value.trim();
  const found = useQuery({
    queryKey: ['waste-codes', q],
    enabled: q.length >= 2,
    staleTime: 600_000,
    queryFn: () => unwrap(api.GET('/v1/catalogue/waste-codes', { params: { query: { q } } })),
  });
  const items = (found.data as { items?: Schemas['WasteCode'][] } | undefined)?.items ?? [];
  const exact = items.find((w) => w.code === q);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tell the form once per catalogue entry found, not on every render of its callback
  useEffect(() => {
    if (exact) onEntry?.(exact);
  }, [exact?.code]);
  return (
    <>
      <Field
        label={label ?? t('废物代码')}
        path={path}
        value={value}
        list={listId}
        onChange={(e) => onChange(e.target.value)}
        placeholder="900-041-49"
        autoComplete="off"
        hint={exact ? <span className="muted">{exact.description}</span> : undefined}
      />
      <datalist id={listId}>
        {items.slice(0, 20).map((w) => (
          <option key={w.code} value={w.code}>{`${w.code} ${w.description}`}</option>
        ))}
      </datalist>
    </>
  );
}

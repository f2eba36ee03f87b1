// problem+json in place: `detail` at the top of the form, each errors[].path beside its field (components/Field).
import { createContext, useContext, type ReactNode } from 'react';
import { ApiProblem } from './api.ts';
import { useI18n } from './i18n.tsx';
import { REFUSAL } from './labels.ts';

export interface Refusal {
  status?: number;
  code?: string;
  detail: string;
  errors: { path: string; message: string; code?: string }[];
}

export function refusalOf(err: unknown): Refusal | null {
  if (!err) return null;
  if (err instanceof ApiProblem)
    return { status: err.status, code: err.problem.code, detail: err.problem.detail, errors: err.problem.errors ?? [] };
  return { detail: err instanceof Error ? err.message : String(err), errors: [] };
}

/** Messages for one field: its path exactly, or a path inside it (`lines.0` shows `lines.0.ledgerEntries`'s refusal). */
export function messagesFor(refusal: Refusal | null, path: string): string[] {
  if (!refusal) return [];
  return refusal.errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => e.message);
}

/** Refusals whose path no field shows: listed under the detail so that none is hidden. */
function unplaced(refusal: Refusal, placed: string[]) {
  return refusal.errors.filter((e) => !placed.some((p) => e.path === p || e.path.startsWith(`${p}.`)));
}

const RefusalCtx = createContext<Refusal | null>(null);
export const useRefusal = () => useContext(RefusalCtx);
/** Gives the fields inside it the refusal to show beside them. */
export const RefusalScope = ({ refusal, children }: { refusal: Refusal | null; children: ReactNode }) => (
  <RefusalCtx.Provider value={refusal}>{children}</RefusalCtx.Provider>
);

export function ProblemBanner({
  refusal,
  placed = [],
  onReload,
}: {
  refusal: Refusal | null;
  placed?: string[];
  onReload?: () => void;
}) {
  const { t, lang } = useI18n();
  if (!refusal) return null;
  const rest = unplaced(refusal, placed);
  const stale = refusal.status === 409 || refusal.status === 412;
  const summary = lang === 'zh' && refusal.code ? REFUSAL[refusal.code] : undefined;
  return (
    <div role="alert" className="problem">
      {summary && <strong className="summary">{summary}</strong>}
      {summary ? <span>{refusal.detail}</span> : <strong>{refusal.detail}</strong>}
      {refusal.code && <span className="code"> ({refusal.code})</span>}
      {rest.length > 0 && (
        <ul>
          {rest.map((e) => (
            <li key={`${e.path}|${e.message}`}>
              <code>{e.path || '—'}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
      {stale && onReload && (
        <p>
          {refusal.code === 'INVALID_STATE' ? t('状态可能已变化。') : t('数据已被他人更新。')}{' '}
          <button type="button" onClick={onReload}>
            {t('重新加载')}
          </button>
        </p>
      )}
    </div>
  );
}

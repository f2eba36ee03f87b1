// A labelled input with the API's refusal of its path shown beside it (and announced with the input).
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { messagesFor, useRefusal } from '../lib/problem.tsx';

interface Common {
  label: string;
  /** the API's field path, e.g. `lines.0.quantityKg` */
  path?: string;
  hint?: ReactNode;
}

function useFieldErrors(path: string | undefined) {
  const id = useId();
  const refusal = useRefusal();
  const messages = path ? messagesFor(refusal, path) : [];
  return { id, errId: `${id}-err`, messages };
}

function Errors({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <span id={id} className="field-error">
      {messages.join('; ')}
    </span>
  );
}

export function Field({ label, path, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { id, errId, messages } = useFieldErrors(path);
  return (
    <div className={`field${messages.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length ? errId : undefined}
        {...input}
      />
      {hint}
      <Errors id={errId} messages={messages} />
    </div>
  );
}

export function Select({
  label,
  path,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: [string, string][] }) {
  const { id, errId, messages } = useFieldErrors(path);
  return (
    <div className={`field${messages.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length ? errId : undefined}
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <Errors id={errId} messages={messages} />
    </div>
  );
}

/** Messages for a path that has no input of its own (e.g. a group of checkboxes). */
export function FieldMessages({ path }: { path: string }) {
  const messages = messagesFor(useRefusal(), path);
  return messages.length ? <span className="field-error">{messages.join('; ')}</span> : null;
}

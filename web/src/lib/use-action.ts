// A form's submit: busy while it runs, the refusal kept to show in place (the typed values are untouched).
import { useState } from 'react';
import { refusalOf, type Refusal } from './problem.tsx';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  async function run<T>(f: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setRefusal(null);
    try {
      return await f();
    } catch (err) {
      setRefusal(refusalOf(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, refusal, setRefusal, run };
}

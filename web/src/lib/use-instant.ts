// A time field (datetime-local, minutes, CST) that means "now" until the user changes it: a form opened a minute
// ago must not send a time before the pickup it follows, nor one truncated to the minute.
import { useState } from 'react';
import { fromLocalInput, toLocalInput } from './format.ts';

export function useInstantField() {
  const [initial] = useState(() => toLocalInput());
  const [value, setValue] = useState(initial);
  const instant = () => (value === initial ? new Date().toISOString() : fromLocalInput(value));
  return { value, setValue, instant };
}

// Indexed reads for tests under `noUncheckedIndexedAccess`: each one throws, naming what was missing and what was there,
// so a test whose list or record lacks the element fails on that line with that message, not later on `undefined`.

const preview = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** `value`, which the test requires to be there (not undefined or null). */
export function present<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what} to be present, got ${value}`);
  return value;
}

/** The element at index `i` (negative counts from the end, as Array.prototype.at). */
export function at<T>(xs: readonly T[], i: number, what = 'element'): T {
  if (i >= xs.length || i < -xs.length) {
    throw new Error(`Expected ${what} at index ${i}, but the list has ${xs.length}: ${preview(xs)}`);
  }
  // In bounds (checked above), so this is the element itself, even where T admits undefined.
  return xs.at(i) as T;
}

/** The first element of a list that must not be empty. */
export const first = <T>(xs: readonly T[], what = 'element'): T => at(xs, 0, what);

/** The last element of a list that must not be empty. */
export const last = <T>(xs: readonly T[], what = 'element'): T => at(xs, -1, what);

/** The one element of a list that must hold exactly one. */
export function only<T>(xs: readonly T[], what = 'element'): T {
  if (xs.length !== 1) throw new Error(`Expected exactly one ${what}, but the list has ${xs.length}: ${preview(xs)}`);
  return at(xs, 0, what);
}

/** The value under `key` of a record that must hold it. */
export function entry<V>(record: Readonly<Record<string, V>>, key: string, what = 'record'): V {
  if (!Object.hasOwn(record, key)) {
    throw new Error(`Expected ${what} to hold key ${JSON.stringify(key)}; it holds ${preview(Object.keys(record))}`);
  }
  // An own key (checked above), so this is its value, even where V admits undefined.
  return record[key] as V;
}

/** The first element that satisfies `test`, which must exist. */
export function found<T>(xs: readonly T[], test: (x: T) => boolean, what = 'a matching element'): T {
  const hit = xs.find(test);
  if (hit === undefined) throw new Error(`Expected ${what} among ${xs.length}: ${preview(xs)}`);
  return hit;
}

type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N ? R : Tuple<T, N, [T, ...R]>;

/** The elements of a list that must hold exactly `n`, as a tuple to destructure: `const [a, b] = exactly(xs, 2)`. */
export function exactly<T, const N extends number>(xs: readonly T[], n: N, what = 'element'): Tuple<T, N> {
  if (xs.length !== n)
    throw new Error(`Expected exactly ${n} of ${what}, but the list has ${xs.length}: ${preview(xs)}`);
  // Of length n (checked above): the tuple type only records that.
  return [...xs] as Tuple<T, N>;
}

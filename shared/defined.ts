// Optional properties are absent, never present as undefined (exactOptionalPropertyTypes): an object built from
// values that may be undefined keeps only the keys whose value is defined.

type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/** The keys whose value may be undefined become optional, without undefined. */
export type Defined<T> = T extends unknown
  ? { [K in Exclude<keyof T, OptionalKeys<T>>]: T[K] } & { [K in OptionalKeys<T>]?: Exclude<T[K], undefined> }
  : never;

/** A copy of `values` without the keys whose value is undefined (null, false, 0 and '' stay). */
export function defined<T extends object>(values: T): Defined<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Defined<T>;
}

// Bodies generated from and around a route's zod schema (through its JSON Schema): each node is the route's valid
// example (so a body can reach the domain's checks), a value the schema allows at its edges (bounds, lengths,
// patterns, enum members), or one just outside a single constraint (a bound crossed by a hair, one item too many,
// an enum's neighbour, a required key dropped, an unknown key added, another type).
import fc from 'fast-check';
import * as z from 'zod/v4';

type Json = Record<string, any>;

const NEAR = [Number.EPSILON, 1e-9, 0.001, 0.5, 1];
const ANY_TYPE = fc.constantFrom<unknown>(null, true, 0, -1, '', 'x', [], {}, 1e308, '1');

/** The input JSON Schema of a zod schema (refinements cannot be expressed: the server's zod still checks them). */
export const jsonSchemaOf = (schema: unknown): Json =>
  z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;

function numberArb(s: Json): fc.Arbitrary<unknown> {
  const lo = s.minimum ?? s.exclusiveMinimum;
  const hi = s.maximum ?? s.exclusiveMaximum;
  const edges: number[] = [0, -0, 1, -1, 0.0001, 1e-101, 5e-324, -1e-200, 12.3456789];
  for (const b of [lo, hi].filter((v): v is number => typeof v === 'number'))
    edges.push(b, ...NEAR.flatMap((d) => [b - d, b + d]));
  const inside = fc.double({ noNaN: true, noDefaultInfinity: true, min: lo ?? -1e9, max: hi ?? 1e9 });
  const base =
    s.type === 'integer'
      ? fc.oneof(fc.integer({ min: Math.ceil(lo ?? -1e6), max: Math.floor(hi ?? 1e6) }), fc.constantFrom(...edges))
      : fc.oneof(inside, fc.constantFrom(...edges));
  return base;
}

function stringArb(s: Json): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (s.enum)
    options.push(
      fc.constantFrom(...s.enum),
      fc.constantFrom(...(s.enum as string[]).flatMap((e) => [e.toUpperCase(), `${e} `, e.slice(1)])),
    );
  else if (s.const !== undefined) options.push(fc.constant(s.const), fc.constant(String(s.const).toUpperCase()));
  else if (s.pattern)
    options.push(fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity)));
  else
    options.push(
      fc.string({ unit: 'grapheme', minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }),
    );
  const min = s.minLength ?? 0;
  if (min > 0) options.push(fc.constant('x'.repeat(min - 1)), fc.constant('x'.repeat(min)));
  if (s.maxLength !== undefined)
    options.push(fc.constant('9'.repeat(s.maxLength)), fc.constant('9'.repeat(s.maxLength + 1)));
  options.push(
    fc.constantFrom(
      ' ',
      '\u0000',
      '𠜎',
      '0000-00-00',
      '2026-02-29',
      '2026-03-15T08:00:00+08:00',
      '9999-12-31T23:59:59Z',
    ),
  );
  return fc.oneof(...options);
}

function arrayArb(s: Json, example: unknown, depth: number): fc.Arbitrary<unknown> {
  const item = (i: number) =>
    arbitraryFrom(
      s.items ?? {},
      Array.isArray(example) ? example[i % Math.max(example.length, 1)] : undefined,
      depth + 1,
    );
  const min = s.minItems ?? 0;
  const lengths = [min, min + 1, 2, ...(min > 0 ? [min - 1] : [])];
  const sized = (n: number) => fc.tuple(...Array.from({ length: n }, (_, i) => item(i)));
  const options = [fc.constantFrom(...lengths).chain(sized)];
  // At and past the maximum: the example's first item repeated (generating hundreds of items is slow and adds little).
  if (s.maxItems !== undefined && s.maxItems <= 1000) {
    options.push(
      fc
        .constantFrom(s.maxItems, s.maxItems + 1)
        .chain((n) => item(0).map((v) => Array.from({ length: n }, () => structuredClone(v)))),
    );
  }
  return fc.oneof(...options);
}

function objectArb(s: Json, example: unknown, depth: number): fc.Arbitrary<unknown> {
  const ex = example && typeof example === 'object' && !Array.isArray(example) ? (example as Json) : {};
  const props: Json = s.properties ?? {};
  const required = new Set<string>(s.required ?? []);
  const keys = Object.keys(props);
  const entries = keys.map((k) => {
    const value = arbitraryFrom(props[k], ex[k], depth + 1);
    // A required key is dropped rarely; an optional one often (its absence is a case of its own).
    return required.has(k)
      ? fc.option(value, { freq: 12, nil: undefined })
      : fc.option(value, { freq: 2, nil: undefined });
  });
  const extra = fc.option(fc.tuple(fc.constantFrom('unknown', 'Lat', 'id', 'status', 'version'), ANY_TYPE), {
    freq: 6,
    nil: undefined,
  });
  return fc.tuple(fc.tuple(...entries), extra).map(([values, more]) => {
    const out: Json = {};
    keys.forEach((k, i) => {
      if (values[i] !== undefined) out[k] = values[i];
    });
    if (more) out[more[0]] = more[1];
    return out;
  });
}

/** Values from and around JSON Schema `s`, near `example` (the route's valid value at this node). */
export function arbitraryFrom(s: Json, example?: unknown, depth = 0): fc.Arbitrary<unknown> {
  const alternatives: Json[] | undefined = s.oneOf ?? s.anyOf;
  let own: fc.Arbitrary<unknown>;
  if (alternatives) own = fc.oneof(...alternatives.map((alt) => arbitraryFrom(alt, example, depth)));
  else if (s.type === 'object' || s.properties) own = depth > 4 ? fc.constant({}) : objectArb(s, example, depth);
  else if (s.type === 'array') own = depth > 4 ? fc.constant([]) : arrayArb(s, example, depth);
  else if (s.type === 'number' || s.type === 'integer') own = numberArb(s);
  else if (s.type === 'string' || s.enum || s.const !== undefined) own = stringArb(s);
  else if (s.type === 'boolean') own = fc.boolean();
  else own = ANY_TYPE;
  const options: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: own, weight: 6 },
    { arbitrary: ANY_TYPE, weight: 1 },
  ];
  if (example !== undefined)
    options.push({
      arbitrary: fc.constant(structuredClone(example)),
      weight: alternatives || s.type === 'object' || s.type === 'array' ? 2 : 5,
    });
  return fc.oneof(...options);
}

/** Raw JSON bodies from and around `schema`, near the route's valid body. */
export const bodiesAround = (schema: unknown, example: unknown): fc.Arbitrary<unknown> =>
  arbitraryFrom(jsonSchemaOf(schema), example);

/** Query strings from and around a query schema (values are strings on the wire). */
export function queriesAround(
  schema: unknown,
  example: Record<string, string> = {},
): fc.Arbitrary<Record<string, string>> {
  const s = jsonSchemaOf(schema);
  return (objectArb(s, example, 0) as fc.Arbitrary<Json>).map((q) =>
    Object.fromEntries(
      Object.entries(q)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ),
  );
}

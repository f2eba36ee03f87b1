// What the fuzzer sends: bodies derived from a route's valid body (a field given a hostile value, dropped, or
// joined by a prototype-pollution key), bodies of the wrong type, malformed JSON, wrong content types, hostile
// path parameters, query values and headers. Bodies are raw text, so keys like `__proto__` reach the server.
import fc from 'fast-check';
import { config } from '#shared/config.ts';
import { last } from '../support/present.ts';

/** The server's own body limit: past it, api.md demands a 413 before the body is read, valid or not. */
const BODY_LIMIT = config.bodyLimitBytes;
export const tooLarge = (text: string) => Buffer.byteLength(text) > BODY_LIMIT;

/** Numbers at the limits of JSON and of the API's quantities (NaN and Infinity cannot be JSON: they are in MALFORMED). */
const LIMIT_NUMBERS = [
  1e308,
  -1e308,
  -0,
  0,
  -1,
  10_000_000,
  10_000_000.0001,
  10_000_000.001,
  1.23456,
  0.0001,
  5e-324,
  2 ** 53 + 1,
  -(2 ** 63),
];

const nested = (depth: number): unknown =>
  depth === 0 ? 'bottom' : depth % 2 ? [nested(depth - 1)] : { a: nested(depth - 1) };

const hostileStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u202e\u202d',
  '\uFEFF',
  '\uD800',
  '𠜎𠜱🧪',
  'Ａ',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, meant as the literal text
  '${jndi:ldap://x/a}',
  '%00',
  'null',
  'true',
  '1e999',
  '__proto__',
  'constructor',
);

/** A value of any JSON type that a field does not expect. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...LIMIT_NUMBERS),
  hostileStrings,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 150, maxLength: 400 }),
  fc.constantFrom(2_000, 20_000, 200_000).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 20, max: 3_000 }).map(nested),
  fc.constantFrom(null, true, false, [], {}, [null], { '': '' }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Calendar edges: impossible days, leap days, year 0 and 9999, extreme offsets. */
const EDGE_DATES = [
  '2026-02-30',
  '2028-02-29',
  '2026-02-29',
  '0000-01-01',
  '9999-12-31',
  '2026-13-01',
  '1970-01-01',
  '2026-1-1',
];
const EDGE_INSTANTS = [
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '1970-01-01T00:00:00Z',
  '2026-03-15T08:00:00+14:00',
  '2026-03-15T08:00:00-12:00',
  '2026-03-15T24:00:00Z',
  '2026-03-15T23:59:60Z',
  '2100-01-01T00:00:00Z',
  '2026-03-15T08:00:00.1234567890123Z',
];

/** Values of the same kind as `value` at the edges of what the API must handle. */
function edgesLike(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'number')
    return fc.oneof(fc.constantFrom(...LIMIT_NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return fc.constantFrom(...EDGE_DATES);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return fc.constantFrom(...EDGE_INSTANTS);
  return fc.oneof(hostileStrings, fc.string({ unit: 'grapheme', maxLength: 30 }));
}

const valueAt = (value: unknown, path: (string | number)[]) => path.reduce((node: any, step) => node?.[step], value);

const POLLUTION = [
  '"__proto__":{"polluted":"yes","isAdmin":true}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"prototype":{"polluted":"yes"}',
  '"__proto__":null',
];

/** Every path to a value inside `value` (object keys and array indexes). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

function setAt(value: unknown, path: (string | number)[], next: unknown, drop = false): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const step = last(path, 'path step');
  if (drop && Array.isArray(node)) node.splice(step as number, 1);
  else if (drop) delete node[step];
  else node[step] = next;
  return copy;
}

/** Raw JSON bodies derived from `valid`: most are invalid, some (a field set to a value it accepts) are not. */
export function bodiesFrom(valid: unknown): fc.Arbitrary<string> {
  const paths = pathsOf(valid);
  const text = JSON.stringify(valid ?? {});
  const withKey = (key: string) => (text === '{}' ? `{${key}}` : `{${key},${text.slice(1)}`);
  const mutations: fc.Arbitrary<string>[] = [
    hostileValue.map((v) => JSON.stringify(v)),
    fc.constantFrom(...POLLUTION).map(withKey),
    fc
      .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), hostileValue)
      .map(([k, v]) => withKey(`${JSON.stringify(k)}:${JSON.stringify(v)}`)),
  ];
  if (paths.length > 0) {
    const path = fc.constantFrom(...paths);
    mutations.push(fc.tuple(path, hostileValue).map(([p, v]) => JSON.stringify(setAt(valid, p, v))));
    mutations.push(path.map((p) => JSON.stringify(setAt(valid, p, undefined, true))));
    mutations.push(path.chain((p) => edgesLike(valueAt(valid, p)).map((v) => JSON.stringify(setAt(valid, p, v)))));
  }
  return fc.oneof(...mutations);
}

/** `valid` with each of its strings in turn replaced by a lone surrogate (valid JSON, not valid UTF-16 text). */
export function loneSurrogates(valid: unknown): string[] {
  return pathsOf(valid)
    .filter((p) => typeof valueAt(valid, p) === 'string')
    .map((p) => JSON.stringify(setAt(valid, p, 'a\uD800b')));
}

/** Texts that are not JSON, or not the JSON a client should send. */
export const MALFORMED = [
  '',
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  '\u0000',
  '{"a":"\\u12"}',
  '"\uD800"',
];

/** Content types that are not JSON: the body must not be read as if it were. */
export const NOT_JSON = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
];

/** A body just over the limit, as a valid-looking object: 413 before anything is parsed or written. */
export const oversized = (valid: unknown) =>
  JSON.stringify({ ...(valid as object), padding: 'x'.repeat(BODY_LIMIT + 40_000) });

/** Path parameter values: hostile strings, wrong UUIDs, traversal, encodings (sent percent-encoded, so no lone
 * surrogates: RAW_SEGMENTS sends bytes that are not UTF-8). */
export const hostileParam: fc.Arbitrary<string> = fc
  .oneof(
    hostileStrings.filter((s) => s !== ''),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    fc.uuid({ version: [1, 4, 5] }),
    fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
      'a/b',
      '..',
      '%2e%2e',
      'x'.repeat(5_000),
      '-1',
      '1e3',
    ),
  )
  .filter((s) => !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));

/** Path segments sent as they are: broken percent-escapes and bytes that are not UTF-8. */
export const RAW_SEGMENTS = ['%ED%A0%80', '%ZZ', '%', '%C0%AF', '%00', '%2F..%2F', '%FF%FE', '%E4%B8'];

/** Query values for a route's declared keys, plus keys nobody declared. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  hostileParam,
  fc.constantFrom('0', '-1', '101', '1.5', '1e2', 'NaN', 'Infinity', '99999999999999999999', 'x'.repeat(8_000)),
);

/** Header values a client could send (Headers refuses NUL, CR, LF and code points above 255). */
export const headerValue: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({
      unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
      minLength: 0,
      maxLength: 200,
    }),
    fc.constantFrom(
      '"3"',
      'W/"3"',
      '*',
      '3',
      '"-1"',
      '"1.5"',
      '"9999999999999999"',
      '\t',
      'a'.repeat(129),
      'a'.repeat(128),
      '"3", "4"',
    ),
  )
  .filter((v) => {
    try {
      new Headers({ probe: v });
      return true;
    } catch {
      return false;
    }
  });

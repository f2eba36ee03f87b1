import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#shared/errors.ts';
import { openCursor, sealCursor, setCursorSecret } from '#shared/http/cursor.ts';
import { first } from '../support/present.ts';

const user = fc.string({ minLength: 1, maxLength: 40 });
const query = fc.string({ maxLength: 80 }).map((q) => `/v1/parties?${q}`);
// A DynamoDB position: what LastEvaluatedKey looks like, and arbitrary JSON for good measure.
const position = fc.oneof(
  fc.record({ PK: fc.string(), SK: fc.string(), GSI1PK: fc.string(), GSI1SK: fc.string() }),
  fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown),
);

function refusal(open: () => unknown): AppError {
  try {
    open();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('the cursor was accepted');
}

describe('list cursors (sealed, bound to the user and the query)', () => {
  beforeAll(() => setCursorSecret('unit-test-cursor-secret'));

  it('gives back any position to the same user for the same query', () => {
    fc.assert(
      fc.property(position, user, query, (p, u, q) => {
        expect(openCursor(sealCursor(p, u, q), u, q)).toEqual(p);
      }),
    );
  });

  it('refuses a cursor presented by another user with 400 VALIDATION_FAILED', () => {
    fc.assert(
      fc.property(position, user, user, query, (p, owner, other, q) => {
        fc.pre(owner !== other);
        const err = refusal(() => openCursor(sealCursor(p, owner, q), other, q));
        expect(err).toBeInstanceOf(AppError);
        expect(err.status).toBe(400);
        expect(first(err.errors ?? [], 'error').path).toBe('query.cursor');
      }),
    );
  });

  it('refuses a cursor issued for another query', () => {
    fc.assert(
      fc.property(position, user, query, query, (p, u, q1, q2) => {
        fc.pre(q1 !== q2);
        expect(refusal(() => openCursor(sealCursor(p, u, q1), u, q2)).code).toBe('VALIDATION_FAILED');
      }),
    );
  });

  it('refuses a cursor with any character changed, added or removed', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(
        position,
        user,
        query,
        fc.nat(),
        fc.constantFrom(...alphabet),
        fc.constantFrom('change', 'insert', 'delete'),
        (p, u, q, at, ch, how) => {
          const cursor = sealCursor(p, u, q);
          const i = at % cursor.length;
          const tampered =
            how === 'change'
              ? cursor.slice(0, i) + ch + cursor.slice(i + 1)
              : how === 'insert'
                ? cursor.slice(0, i) + ch + cursor.slice(i)
                : cursor.slice(0, i) + cursor.slice(i + 1);
          fc.pre(tampered !== cursor);
          expect(refusal(() => openCursor(tampered, u, q)).code).toBe('VALIDATION_FAILED');
        },
      ),
    );
  });

  it('refuses a cursor sealed under another secret (forged), and garbage', () => {
    const forged = sealCursor({ PK: 'x' }, 'alice', '/v1/parties?');
    setCursorSecret('another-secret');
    try {
      expect(refusal(() => openCursor(forged, 'alice', '/v1/parties?')).code).toBe('VALIDATION_FAILED');
    } finally {
      setCursorSecret('unit-test-cursor-secret');
    }
    for (const garbage of ['', '.', 'abc', 'a.b.c', '%%%.###']) {
      expect(refusal(() => openCursor(garbage, 'alice', '/v1/parties?')).code).toBe('VALIDATION_FAILED');
    }
  });
});

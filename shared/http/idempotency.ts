// Idempotency-Key on every POST (api.md): the same key and body within 24 h replays the first response.
import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { AppError } from '#shared/errors.ts';
import { transact, type TxItem } from '#shared/store/transact.ts';
import {
  idempotencyDone,
  idempotencyKeyOf,
  lockIdempotencyKey,
  releaseIdempotencyKey,
  type IdempotencyRecord,
  type StoredResponse,
} from '#shared/store/idempotency-store.ts';
import type { AppEnv } from '#shared/http/env.ts';

export interface IdempotencyState {
  record: IdempotencyRecord;
  committed: boolean;
}

const KEY_SHAPE = /^[\x20-\x7E]{1,128}$/;
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'];

export const idempotency = createMiddleware<AppEnv>(async function idempotency(c, next) {
  const idempotencyKey = c.req.header('idempotency-key');
  // Keys are scoped to their user: an anonymous POST (public routes, refused ones) has nothing to replay.
  if (c.req.method !== 'POST' || idempotencyKey === undefined || !c.var.actor) return next();
  if (!KEY_SHAPE.test(idempotencyKey)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1–128 printable characters', [
      { path: 'header.idempotency-key', message: 'must be 1–128 printable ASCII characters' },
    ]);
  }
  const body = await c.req.text();
  const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
  const record: IdempotencyRecord = { key: idempotencyKeyOf(c.var.actor.sub, idempotencyKey), hash };
  const nowSeconds = Math.floor(c.var.now.getTime() / 1000);
  const outcome = await lockIdempotencyKey(record, nowSeconds);
  if (outcome.kind === 'replay') {
    return c.body(outcome.response.body, outcome.response.status as 200, {
      ...outcome.response.headers,
      'idempotent-replayed': 'true',
    });
  }
  const state: IdempotencyState = { record, committed: false };
  c.set('idempotency', state);
  await next();
  if (state.committed) return;
  if (c.res.status >= 200 && c.res.status < 300) {
    // A POST that wrote nothing of its own (validate-only, token minting): store its answer on its own.
    await transact([idempotencyDone(record, await storedResponse(c.res), nowSeconds)]);
  } else {
    await releaseIdempotencyKey(record);
  }
});

async function storedResponse(res: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value) headers[name] = value;
  }
  return { status: res.status, body: await res.clone().text(), headers };
}

/** Adds the idempotency completion to a transaction that is about to commit the response described. */
export function withIdempotency(
  state: IdempotencyState | undefined,
  writes: TxItem[],
  response: StoredResponse,
  now: Date,
): TxItem[] {
  if (!state) return writes;
  state.committed = true;
  return [...writes, idempotencyDone(state.record, response, Math.floor(now.getTime() / 1000))];
}

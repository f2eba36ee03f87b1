// Webhooks end to end: events written to the table reach a real HTTP receiver on localhost through DynamoDB
// Local's stream, signed, in order, retried with backoff.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { setClockOffset } from '#shared/clock.ts';
import { sealEvent, type ManifestEvent } from '#shared/domain/hash-chain.ts';
import { appendEventWrite } from '#shared/store/event-store.ts';
import { transact } from '#shared/store/transact.ts';
import { onChanges, onSchedule } from '#functions/webhooks/handler-core.ts';
import { clock } from '#shared/clock.ts';
import { deliver } from '#shared/webhooks/delivery.ts';
import { dueDeliveries } from '#shared/store/webhook-store.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { enterprise, testApi, type TestApi } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';
import { first } from '../support/present.ts';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let t: TestApi;
let poller: StreamPoller;
let server: Server;
let base = '';
const received: Received[] = [];
/** Per path: how many times to answer 500 before answering 200 (-1: always fail). */
const failures = new Map<string, number>();

beforeAll(async () => {
  t = await testApi();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url!, headers: req.headers, body });
      const left = failures.get(req.url!) ?? 0;
      if (left !== 0) failures.set(req.url!, left - 1);
      res.writeHead(left !== 0 ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  poller = await startStreamPoller((records) => onChanges(records), 50);
});

afterAll(async () => {
  setClockOffset(0);
  await poller.stop();
  server.close();
});

async function subscribe(owner: string, partyId: string, path: string, events: string[] = ['manifest.*']) {
  const res = await t.call(enterprise(owner), 'POST', `/v1/parties/${partyId}/webhooks`, { url: base + path, events });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

/** Appends events to a manifest's log as a transition would, with the routing the stream consumers read. */
async function writeEvents(manifestId: string, partyIds: string[], types: ManifestEvent['type'][]) {
  let head: ManifestEvent | undefined;
  for (const type of types) {
    head = sealEvent(head, {
      type,
      at: new Date().toISOString(),
      actor: { sub: 'u', partyId: first(partyIds, 'party id'), role: 'generator' },
      data: { step: type },
    });
    await transact([appendEventWrite(manifestId, head, { manifestNumber: '20261401000001', partyIds })]);
  }
}

const forPath = (path: string) => received.filter((r) => r.path === path);

describe('webhooks', () => {
  it('delivers every subscribed event once, in order, signed with the subscription secret', async () => {
    const party = await activeParty(t, 'hook-owner-1');
    const hook = await subscribe('hook-owner-1', party.id, '/ordered');
    const manifestId = uuidv7();
    await writeEvents(manifestId, [party.id], ['created', 'dispatched', 'picked_up']);
    await poller.drain();

    const got = forPath('/ordered');
    expect(got.map((r) => JSON.parse(r.body).type)).toEqual([
      'manifest.created',
      'manifest.dispatched',
      'manifest.picked_up',
    ]);
    for (const r of got) {
      const timestamp = Number(r.headers['x-wastechain-timestamp']);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
      const expected = `sha256=${createHmac('sha256', hook.secret).update(`${timestamp}.${r.body}`).digest('hex')}`;
      expect(r.headers['x-wastechain-signature']).toBe(expected);
      expect(r.headers['x-wastechain-delivery']).toBe(JSON.parse(r.body).id);
      expect(JSON.parse(r.body)).toMatchObject({ manifestId, manifestNumber: '20261401000001', partyId: party.id });
    }
  });

  it('only sends the event types a subscription names', async () => {
    const party = await activeParty(t, 'hook-owner-2');
    await subscribe('hook-owner-2', party.id, '/filtered', ['manifest.received']);
    await writeEvents(uuidv7(), [party.id], ['created', 'dispatched', 'received']);
    await poller.drain();
    expect(forPath('/filtered').map((r) => JSON.parse(r.body).type)).toEqual(['manifest.received']);
  });

  it('retries a receiver that fails twice with backoff, keeps later events behind it, and logs every attempt', async () => {
    const party = await activeParty(t, 'hook-owner-3');
    const hook = await subscribe('hook-owner-3', party.id, '/flaky');
    const healthy = await subscribe('hook-owner-3', party.id, '/healthy');
    failures.set('/flaky', 2);
    await writeEvents(uuidv7(), [party.id], ['created', 'dispatched']);
    await poller.drain();
    // The other subscription is not held up by the failing one.
    expect(forPath('/healthy')).toHaveLength(2);
    expect(forPath('/flaky')).toHaveLength(1);

    // Nothing is due before the backoff has passed; then each sweep makes one more attempt.
    expect(await onSchedule()).toBe(0);
    setClockOffset(31_000);
    await onSchedule();
    setClockOffset(31_000 + 61_000);
    await onSchedule();
    setClockOffset(0);

    expect(forPath('/flaky').map((r) => JSON.parse(r.body).type)).toEqual([
      'manifest.created',
      'manifest.created',
      'manifest.created',
      'manifest.dispatched',
    ]);
    const log = await t.call(
      enterprise('hook-owner-3'),
      'GET',
      `/v1/parties/${party.id}/webhooks/${hook.id}/deliveries`,
    );
    expect(log.status).toBe(200);
    const created = log.body.items.find((d: { eventType: string }) => d.eventType === 'created');
    expect(created).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(created.history.map((h: { statusCode: number }) => h.statusCode)).toEqual([500, 500, 200]);
    expect(healthy.id).not.toBe(hook.id);
  });

  it('refuses target URLs that are not https (except http to localhost in the local server) with 400', async () => {
    const party = await activeParty(t, 'hook-owner-4');
    const bad = await t.call(enterprise('hook-owner-4'), 'POST', `/v1/parties/${party.id}/webhooks`, {
      url: 'http://example.com/x',
      events: ['manifest.*'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('url');
    const privateHttps = await t.call(enterprise('hook-owner-4'), 'POST', `/v1/parties/${party.id}/webhooks`, {
      url: 'https://10.0.0.8/x',
      events: ['manifest.*'],
    });
    expect(privateHttps.status).toBe(400);
  });

  it('keeps subscriptions private: a non-member gets 404, an operator cannot subscribe (403), the secret is never listed', async () => {
    const party = await activeParty(t, 'hook-owner-5');
    await subscribe('hook-owner-5', party.id, '/private');
    expect((await t.call(enterprise('stranger'), 'GET', `/v1/parties/${party.id}/webhooks`)).status).toBe(404);
    await t.call(enterprise('hook-owner-5'), 'POST', `/v1/parties/${party.id}/members`, {
      sub: 'hook-operator',
      role: 'operator',
    });
    const operator = await t.call(enterprise('hook-operator'), 'POST', `/v1/parties/${party.id}/webhooks`, {
      url: `${base}/x`,
      events: ['manifest.*'],
    });
    expect(operator.status).toBe(403);
    const list = await t.call(enterprise('hook-owner-5'), 'GET', `/v1/parties/${party.id}/webhooks`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].secret).toBeUndefined();
    const removed = await t.call(
      enterprise('hook-owner-5'),
      'DELETE',
      `/v1/parties/${party.id}/webhooks/${list.body.items[0].id}`,
    );
    expect(removed.status).toBe(204);
  });

  it('the README’s verification snippet accepts a real delivery, and refuses a tampered body, another secret and a replay', async () => {
    const party = await activeParty(t, 'hook-owner-6');
    const hook = await subscribe('hook-owner-6', party.id, '/verified');
    await writeEvents(uuidv7(), [party.id], ['created']);
    await poller.drain();
    const delivery = first(forPath('/verified'), 'delivery to /verified');
    const verify = readmeVerifier();
    expect(verify(hook.secret, delivery.headers, delivery.body)).toBe(true);
    expect(verify(hook.secret, delivery.headers, delivery.body.replace('created', 'cancelled'))).toBe(false);
    expect(verify(`${hook.secret}x`, delivery.headers, delivery.body)).toBe(false);
    const sixMinutesLater = Date.now() + 6 * 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(sixMinutesLater);
    try {
      expect(verify(hook.secret, delivery.headers, delivery.body)).toBe(false);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a due delivery picked up at once by the stream and by the retry sweep is sent once (one claim per attempt)', async () => {
    const party = await activeParty(t, 'hook-owner-7');
    await subscribe('hook-owner-7', party.id, '/raced');
    failures.set('/raced', 1);
    await writeEvents(uuidv7(), [party.id], ['created']);
    await poller.drain();
    expect(forPath('/raced')).toHaveLength(1); // the first attempt failed: the delivery waits 30 s
    setClockOffset(31_000);
    try {
      const due = (await dueDeliveries(clock(), 200)).filter((d) => d.partyId === party.id);
      expect(due).toHaveLength(1);
      // The stream consumer and the sweep hold the same delivery as read (attempts: 1) and both try to send it.
      const sent = await Promise.all([deliver(due, clock), onSchedule(), deliver(due, clock)]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      setClockOffset(0);
    }
    expect(forPath('/raced')).toHaveLength(2);
  });
});

/** The README's `verifyWasteChain` block, evaluated as a receiver would paste it. */
function readmeVerifier(): (secret: string, headers: Record<string, unknown>, rawBody: string) => boolean {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const code = /```js\n([\s\S]*?function verifyWasteChain[\s\S]*?)```/.exec(readme)?.[1];
  expect(code, 'README has the verification snippet').toBeDefined();
  return new Function('require', `${code}\nreturn verifyWasteChain;`)(createRequire(import.meta.url));
}

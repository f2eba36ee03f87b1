// The copy of record: the event log, its integrity check (which notices an event altered in the table), the
// printed manifest, and what regulators see of it in the oversight list.
import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import { db } from '#shared/store/client.ts';
import { keys } from '#shared/store/keys.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { parseCsv } from '../support/csv.ts';
import { pageTexts, decodeQr } from '../support/pdf-reader.ts';
import { cast, delivered, expectStatus, receiptOf, type Cast } from './manifest-fixtures.ts';

let t: TestApi;
let c: Cast;
beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'record');
});

describe('manifest copy of record', () => {
  it('logs every change as a hash chain, and integrity finds the first event altered in the table', async () => {
    const m = await delivered(t, c);
    expectStatus(await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, receiptOf(m)), 200);
    const events = expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/events`), 200).items;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'dispatched',
      'picked_up',
      'delivered',
      'received',
    ]);
    expect(events[0].prevHash).toBe('0'.repeat(64));
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(events[1].documentHash).toMatch(/^[0-9a-f]{64}$/);

    const ok = expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/integrity`), 200);
    expect(ok).toEqual({
      valid: true,
      events: 5,
      headHash: events[4].hash,
      firstBrokenSeq: null,
      tracks: [{ leg: 1, points: 0, seq: 4, valid: true }],
    });

    // Someone with table access changes the recorded pickup: the chain no longer verifies from that event on.
    await db().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keys.manifestEvent(m.id, 3),
        UpdateExpression: 'SET #at = :at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':at': '2020-01-01T00:00:00.000Z' },
      }),
    );
    const broken = expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/integrity`), 200);
    expect(broken).toMatchObject({ valid: false, firstBrokenSeq: 3 });

    expect((await t.call(enterprise('record-stranger'), 'GET', `/v1/manifests/${m.id}/events`)).status).toBe(404);
  });

  it('prints the manifest as a Chinese A4 PDF with its parties, signatures and a QR code of number and integrity URL', async () => {
    const m = await delivered(t, c);
    const res = await t.api.request(`http://api.test/v1/manifests/${m.id}/document.pdf`, {
      headers: { authorization: `Bearer ${await t.token(c.carrier.user)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    const text = (await pageTexts(pdf)).join('\n');
    expect(text).toContain(m.number);
    expect(text).toContain(c.generator.party.name);
    expect(text).toContain(c.receiver.party.name);
    expect(text).toContain(m.signatures.dispatch.documentHash.slice(0, 16));
    expect(JSON.parse((await decodeQr(pdf))!)).toEqual({
      number: m.number,
      integrityUrl: `http://api.test/v1/manifests/${m.id}/integrity`,
    });
  });

  it('appears in the oversight list of every level of both ends, with its current status, and in the CSV export', async () => {
    const m = await delivered(t, c);
    const province = c.generator.party.divisionCode.slice(0, 2);
    for (const division of [province, c.generator.party.divisionCode.slice(0, 4), c.receiver.party.divisionCode]) {
      const list = expectStatus(
        await t.call(
          regulator(`rec-${division}`, division),
          'GET',
          `/v1/oversight/manifests?division=${division}&status=delivered`,
        ),
        200,
      );
      expect(list.items.map((i: { id: string }) => i.id)).toContain(m.id);
    }
    const national = expectStatus(
      await t.call(regulator('rec-national', '00'), 'GET', '/v1/oversight/manifests?limit=100'),
      200,
    );
    expect(national.items.find((i: { id: string }) => i.id === m.id)).toMatchObject({
      status: 'delivered',
      number: m.number,
    });
    const xinjiang = expectStatus(await t.call(regulator('rec-65', '65'), 'GET', '/v1/oversight/manifests'), 200);
    expect(xinjiang.items).toEqual([]);
    const csv = await t.call(
      regulator(`rec-${province}`, province),
      'GET',
      `/v1/oversight/manifests?division=${province}`,
      undefined,
      { accept: 'text/csv' },
    );
    const rows = parseCsv(csv.body as string);
    const json = expectStatus(
      await t.call(
        regulator(`rec-${province}`, province),
        'GET',
        `/v1/oversight/manifests?division=${province}&limit=100`,
      ),
      200,
    );
    expect(rows.map((r) => r.id)).toEqual(json.items.map((i: { id: string }) => i.id));
    expect(rows.find((r) => r.id === m.id)!.number).toBe(m.number);
  });
});

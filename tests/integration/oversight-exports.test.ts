// Oversight CSV as a regulator takes it away: at most 10,000 rows per response (more → 422 naming the export
// route), formula cells defused, and a 50,000-row list exported in the background, downloaded from the link the
// export answers, with every row; only the regulator who asked sees the export.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '#shared/config.ts';
import { setExportStorage } from '#shared/exports/storage.ts';
import { db } from '#shared/store/client.ts';
import { keys } from '#shared/store/keys.ts';
import type { AlertEntity } from '#shared/store/alert-store.ts';
import { createLocalApi } from '../../local/api.ts';
import { startStreamConsumers, type StreamConsumers } from '../../local/change-handlers.ts';
import { localExportFiles, type LocalExportFiles } from '../../local/export-files.ts';
import { logFailureQueue } from '../../local/failure-queue.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { expectJsonFields, parseCsv } from '../support/csv.ts';
import { at } from '../support/present.ts';

const BIG_DIVISION = '650102'; // Urumqi: the 50,000 alerts
const SMALL_DIVISION = '141102'; // Lüliang: a handful with hostile notes
const xinjiang = regulator('exports-regulator-65', '65');
const colleague = regulator('exports-colleague-65', '65');
const lvliang = regulator('exports-regulator-1411', '1411');
const ROWS = 50_000;

let t: TestApi;
let dir: string;
let files: LocalExportFiles;
let consumers: StreamConsumers;

const alert = (divisionCode: string, n: number, extra: Partial<AlertEntity> = {}): AlertEntity => ({
  id: uuidv7(),
  type: 'licence-expiring',
  status: 'open',
  subjectId: `export-test-${divisionCode}-${n}`,
  partyId: uuidv7(),
  divisionCode,
  dueAt: '2026-01-01T00:00:00.000Z',
  openedAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
  version: 1,
  ...extra,
});

/** Alert items written straight to the table, 25 per BatchWriteItem, 4 batches in flight (8 overran DynamoDB Local). */
async function writeAlerts(alerts: AlertEntity[]) {
  const batches: AlertEntity[][] = [];
  for (let i = 0; i < alerts.length; i += 25) batches.push(alerts.slice(i, i + 25));
  const writeBatch = async (batch: AlertEntity[]) => {
    // Without the by-status index (GSI2) entries: no query here filters by status, and DynamoDB Local writes a
    // third fewer index rows.
    const item = (a: AlertEntity) => {
      const { GSI2PK: _pk, GSI2SK: _sk, ...indexes } = keys.alertIndexes(a);
      return { ...keys.alert(a.id), ...indexes, itemType: 'alert', ...a };
    };
    let requests: Record<string, unknown>[] | undefined = batch.map((a) => ({ PutRequest: { Item: item(a) } }));
    while (requests?.length) {
      const out = await db().send(new BatchWriteCommand({ RequestItems: { [config.tableName]: requests as never } }));
      requests = out.UnprocessedItems?.[config.tableName] as never;
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) await writeBatch(at(batches, next++, 'batch'));
    }),
  );
}

beforeAll(async () => {
  t = await testApi();
  dir = mkdtempSync(join(tmpdir(), 'wastechain-exports-'));
  files = localExportFiles(join(dir, 'exports'));
  setExportStorage(files);
  const started = Date.now();
  await writeAlerts(Array.from({ length: ROWS }, (_, n) => alert(BIG_DIVISION, n)));
  console.log(`wrote ${ROWS} alerts in ${Date.now() - started} ms`);
  // After the bulk write: the pollers start at the stream's end, so they do not wade through it.
  consumers = await startStreamConsumers(logFailureQueue, 50);
}, 300_000);

afterAll(async () => {
  await consumers?.stop();
  setExportStorage(undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function finished(user: typeof xinjiang, id: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.call(user, 'GET', `/v1/oversight/exports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.status !== 'running' || Date.now() > deadline) return res.body;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Follows a download URL through the local server's routes, as a browser would. */
async function download(url: string) {
  const { pathname, search } = new URL(url);
  const res = await createLocalApi(t.auth, {}, files).request(pathname + search);
  return {
    status: res.status,
    headers: res.headers,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()),
  };
}

describe('CSV answers of the oversight lists', () => {
  it('refuses more than 10,000 rows with 422 TOO_MANY_ROWS, naming the export route', async () => {
    const res = await t.call(xinjiang, 'GET', `/v1/oversight/alerts?division=${BIG_DIVISION}`, undefined, {
      accept: 'text/csv',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TOO_MANY_ROWS');
    expect(res.body.detail).toContain('POST /v1/oversight/exports');
  });

  it("prefixes with ' every cell that a spreadsheet would run as a formula; quotes line breaks", async () => {
    const notes = [
      '=HYPERLINK("http://evil.example","x")',
      '+86 351 1234567',
      '-2+3',
      '@SUM(A1)',
      '\tcmd',
      '\rcmd',
      'plain note, with a comma',
      'two\nlines',
    ];
    await writeAlerts(
      notes.map((closeNote, n) =>
        alert(SMALL_DIVISION, n, { status: 'closed', closedAt: '2026-02-01T00:00:00.000Z', closedBy: 'x', closeNote }),
      ),
    );
    const open = alert(SMALL_DIVISION, 99);
    await writeAlerts([open]);
    const closed = await t.call(lvliang, 'POST', `/v1/oversight/alerts/${open.id}/close`, {
      note: "=cmd|' /C calc'!A0",
    });
    expect(closed.status).toBe(200);

    const res = await t.call(lvliang, 'GET', `/v1/oversight/alerts?division=${SMALL_DIVISION}`, undefined, {
      accept: 'text/csv',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(res.body);
    expectJsonFields(
      rows,
      (await t.call(lvliang, 'GET', `/v1/oversight/alerts?division=${SMALL_DIVISION}`)).body.items,
    );
    const byNote = rows.map((r) => r.closeNote).sort();
    expect(byNote).toEqual(
      [
        '\'=HYPERLINK("http://evil.example","x")',
        "'+86 351 1234567",
        "'-2+3",
        "'@SUM(A1)",
        "'\tcmd",
        "'\rcmd",
        "'=cmd|' /C calc'!A0",
        'plain note, with a comma',
        'two\nlines',
      ].sort(),
    );
  });
});

describe('background exports', () => {
  it(`exports ${ROWS} alerts: 202 running, then done with every row, downloaded from the URL it answers`, async () => {
    const started = Date.now();
    const asked = await t.call(xinjiang, 'POST', '/v1/oversight/exports', {
      list: 'alerts',
      query: { division: BIG_DIVISION },
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ id: expect.any(String), status: 'running', rows: 0 });
    expect(asked.body.url).toBeUndefined();

    const done = await finished(xinjiang, asked.body.id);
    console.log(`export of ${ROWS} rows done in ${Date.now() - started} ms`);
    expect(done).toMatchObject({ status: 'done', rows: ROWS, list: 'alerts' });
    const file = await download(done.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(file.text);
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((r) => r.id)).size).toBe(ROWS);
    expect(rows.every((r) => r.divisionCode === BIG_DIVISION && r.status === 'open')).toBe(true);

    // Each GET answers a fresh link; a tampered one is refused.
    const again = await t.call(xinjiang, 'GET', `/v1/oversight/exports/${asked.body.id}`);
    expect(again.body.url).toMatch(/\/local\/exports\/.+\.csv\?expires=\d+&signature=[0-9a-f]{64}$/);
    expect((await download(again.body.url.replace(/signature=./, 'signature=0'))).status).toBe(403);
  }, 240_000);

  it('is seen only by the regulator who asked: a colleague of the same province and an enterprise get 404', async () => {
    const asked = await t.call(xinjiang, 'POST', '/v1/oversight/exports', {
      list: 'stats',
      query: { groupBy: 'wasteCode' },
    });
    expect(asked.status).toBe(202);
    expect((await t.call(colleague, 'GET', `/v1/oversight/exports/${asked.body.id}`)).status).toBe(404);
    expect(
      (await t.call(enterprise('exports-enterprise'), 'GET', `/v1/oversight/exports/${asked.body.id}`)).status,
    ).toBe(404);
    const done = await finished(xinjiang, asked.body.id);
    expect(done).toMatchObject({ status: 'done', rows: 0, query: { groupBy: 'wasteCode' } });
    expect(parseCsv((await download(done.url)).text)).toEqual([]);
  });

  it('refuses at once what the list route refuses: outside the jurisdiction 403, unknown filter 400, unknown list 400', async () => {
    const outside = await t.call(lvliang, 'POST', '/v1/oversight/exports', {
      list: 'alerts',
      query: { division: '65' },
    });
    expect(outside.status).toBe(403);
    const unknownFilter = await t.call(lvliang, 'POST', '/v1/oversight/exports', {
      list: 'alerts',
      query: { colour: 'red' },
    });
    expect(unknownFilter.status).toBe(400);
    expect(unknownFilter.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.colour']);
    const badList = await t.call(lvliang, 'POST', '/v1/oversight/exports', { list: 'parties', query: {} });
    expect(badList.status).toBe(400);
    expect(badList.body.errors[0].path).toBe('list');
    const byEnterprise = await t.call(enterprise('exports-enterprise'), 'POST', '/v1/oversight/exports', {
      list: 'alerts',
      query: {},
    });
    expect(byEnterprise.status).toBe(403);
  });
});

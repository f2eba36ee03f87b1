// The pieces the functions observe themselves with: JSON log lines carrying the request context, EMF documents
// CloudWatch can read, manifest counts from the change stream, and the webhooks consumer's stream filter.
import { afterEach, describe, expect, it } from 'vitest';
import { addLogContext, logger, setLogSink, withLogContext } from '#shared/observability/log.ts';
import { countMetrics, emfDocument } from '#shared/observability/metrics.ts';
import { manifestCounts } from '#shared/observability/manifest-metrics.ts';
import { wantedByWebhooks } from '../../functions/webhooks/stream-filter.ts';
import type { ChangeRecord, RawStreamRecord } from '#shared/stream/change-records.ts';
import { first } from '../support/present.ts';

let lines: string[] = [];
const capture = () => {
  lines = [];
  setLogSink((l) => lines.push(l));
};

afterEach(() => {
  setLogSink(undefined);
  delete process.env.METRICS;
});

describe('log lines', () => {
  it('carry the request id and, once authenticated, the acting user, also after an await', async () => {
    capture();
    await withLogContext({ requestId: 'r-1', partyId: 'p-9' }, async () => {
      addLogContext({ actor: 'alice', groups: ['enterprise'] });
      await new Promise((r) => setTimeout(r, 1));
      logger.info('request', { status: 201 });
    });
    logger.warn('outside any request');
    const [inside, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({
      level: 'INFO',
      message: 'request',
      requestId: 'r-1',
      actor: 'alice',
      groups: ['enterprise'],
      partyId: 'p-9',
      status: 201,
    });
    expect(Date.parse(inside.timestamp)).not.toBeNaN();
    expect(outside.requestId).toBeUndefined();
  });

  it('keep two concurrent requests apart', async () => {
    capture();
    await Promise.all(
      ['a', 'b'].map((id) =>
        withLogContext({ requestId: id }, async () => {
          await new Promise((r) => setTimeout(r, id === 'a' ? 5 : 1));
          addLogContext({ actor: `user-${id}` });
          logger.info('done');
        }),
      ),
    );
    expect(
      lines
        .map((l) => JSON.parse(l))
        .map((l) => `${l.requestId}:${l.actor}`)
        .sort(),
    ).toEqual(['a:user-a', 'b:user-b']);
  });

  it('render an error with its name, message and stack', () => {
    capture();
    logger.error('unhandled error', { error: new TypeError('boom') });
    expect(JSON.parse(first(lines, 'log line')).error).toMatchObject({
      name: 'TypeError',
      message: 'boom',
      stack: expect.stringContaining('TypeError: boom'),
    });
  });
});

describe('EMF metrics', () => {
  it('are one document naming the namespace, the deployment dimension and each non-zero count', () => {
    expect(emfDocument({ ManifestsCreated: 2, AlertsOpened: 0 }, 1_700_000_000_000)).toEqual({
      _aws: {
        Timestamp: 1_700_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: 'WasteChain',
            Dimensions: [['Deployment']],
            Metrics: [{ Name: 'ManifestsCreated', Unit: 'Count' }],
          },
        ],
      },
      Deployment: 'local',
      ManifestsCreated: 2,
    });
    expect(emfDocument({ AlertsOpened: 0 })).toBeUndefined();
  });

  it('are written only where CloudWatch reads them (Lambda, or METRICS=emf), never by the local server', () => {
    capture();
    countMetrics({ TrackPointsRefused: 1 });
    expect(lines).toEqual([]);
    process.env.METRICS = 'emf';
    countMetrics({ TrackPointsRefused: 1 });
    expect(JSON.parse(first(lines, 'log line'))).toMatchObject({ TrackPointsRefused: 1 });
  });
});

const record = (eventName: ChangeRecord['eventName'], image: Record<string, unknown>): ChangeRecord => ({
  eventName,
  key: 'k',
  sequenceNumber: '1',
  newImage: image,
});

describe('manifest counts from the change stream', () => {
  it('count new created, dispatched, received and completed events, nothing else', () => {
    expect(
      manifestCounts([
        record('INSERT', { itemType: 'event', type: 'created' }),
        record('INSERT', { itemType: 'event', type: 'created' }),
        record('INSERT', { itemType: 'event', type: 'dispatched' }),
        record('INSERT', { itemType: 'event', type: 'picked_up' }),
        record('INSERT', { itemType: 'event', type: 'completed' }),
        record('MODIFY', { itemType: 'event', type: 'received' }),
        record('INSERT', { itemType: 'manifest', type: 'received' }),
      ]),
    ).toEqual({ ManifestsCreated: 2, ManifestsDispatched: 1, ManifestsCompleted: 1 });
  });
});

describe('the webhooks stream filter', () => {
  it('lets through new manifest events only (the stack gives Lambda the same filter, infra/faults.ts)', () => {
    const raw = (eventName: string, itemType: string) =>
      ({ eventName, dynamodb: { NewImage: { itemType: { S: itemType }, type: { S: 'created' } } } }) as RawStreamRecord;
    expect(wantedByWebhooks(raw('INSERT', 'event'))).toBe(true);
    expect(wantedByWebhooks(raw('MODIFY', 'event'))).toBe(false);
    expect(wantedByWebhooks(raw('INSERT', 'delivery'))).toBe(false);
    expect(
      wantedByWebhooks({
        eventName: 'REMOVE',
        dynamodb: { OldImage: { itemType: { S: 'event' } } },
      } as RawStreamRecord),
    ).toBe(false);
  });
});

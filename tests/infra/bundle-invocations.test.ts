// The built bundles (the esbuild output the stack deploys, not the TypeScript sources) answering the events Lambda
// gives them, against DynamoDB Local: a representative route of every API function under API Gateway HTTP API v2
// events whose authorizer claims come in both shapes (the stack's Cognito user pool, and an external OIDC issuer
// mapped by the variables the stack sets), the stream functions on a schedule and a stream batch, and the JSON log
// lines and EMF metrics they write.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#shared/store/keys.ts';
import { getItem } from '#shared/store/read.ts';
import { CLAIM_ENV } from '#shared/http/claim-mapping.ts';
import type { User } from '#local/users.ts';
import { buildBundles, type BuiltBundle } from '../../infra/bundles.ts';
import { functionNames, PROJECT_ROOT } from '../../infra/function-specs.ts';
import { testApi } from '../support/api.ts';
import { buildWorld, ledgerBody, type World } from '../support/world.ts';
import {
  httpApiEvent,
  invokeBundle,
  scheduledEvent,
  type ApiCall,
  type AuthorizerClaims,
  type InvocationResult,
} from './lambda-events.ts';
import { exactly, only } from '../support/present.ts';

const EXTERNAL = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'infra/config/cn-northwest-1.example.json'), 'utf8'),
).identity;
/** What the stack sets on every function for that issuer (infra/identity.ts). */
const EXTERNAL_ENV = {
  [CLAIM_ENV.groupsClaim]: EXTERNAL.groupsClaim,
  [CLAIM_ENV.jurisdictionClaim]: EXTERNAL.jurisdictionClaim,
  [CLAIM_ENV.groupMap]: JSON.stringify(EXTERNAL.groupMap),
};
const externalValueOf = (group: string) =>
  Object.entries(EXTERNAL.groupMap as Record<string, string>).find(([, g]) => g === group)![0];

const epoch = () => String(Math.floor(Date.now() / 1000));

/** An ID token of the stack's user pool, as the authorizer passes it on. */
const cognitoClaims = (u: User): AuthorizerClaims => ({
  sub: u.sub,
  'cognito:groups': `[${u.groups.join(' ')}]`,
  ...(u.jurisdiction ? { 'custom:jurisdiction': u.jurisdiction } : {}),
  iss: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_Example',
  aud: 'exampleclientid',
  token_use: 'id',
  auth_time: epoch(),
  iat: epoch(),
  exp: String(Math.floor(Date.now() / 1000) + 3600),
  'cognito:username': u.sub,
});

/** An ID token of a provincial identity platform (Keycloak-like): its own group values and claim names. */
const externalClaims = (u: User): AuthorizerClaims => ({
  sub: u.sub,
  [EXTERNAL.groupsClaim]: `[${[...u.groups.map(externalValueOf), 'offline_access'].join(' ')}]`,
  ...(u.jurisdiction ? { [EXTERNAL.jurisdictionClaim]: u.jurisdiction } : {}),
  iss: EXTERNAL.issuerUrl,
  aud: EXTERNAL.audience[0],
  azp: EXTERNAL.audience[0],
  preferred_username: `${u.sub}@example.gov.cn`,
  iat: epoch(),
  exp: String(Math.floor(Date.now() / 1000) + 3600),
});

let outRoot: string;
let bundles: Map<string, BuiltBundle>;
let w: World;

beforeAll(async () => {
  outRoot = mkdtempSync(join(tmpdir(), 'wastechain-invoke-'));
  const [built, world] = await Promise.all([buildBundles(outRoot), testApi().then((t) => buildWorld(t, 'bundle'))]);
  bundles = new Map(built.map((b) => [b.name, b]));
  w = world;
}, 180_000);

afterAll(async () => {
  await w?.stop();
  rmSync(outRoot, { recursive: true, force: true });
});

interface Reply {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
  isBase64Encoded?: boolean;
}

/** The same call in both claim shapes (each with the environment the stack would set for its issuer). */
function bothShapes(
  fn: string,
  user: User,
  call: Omit<ApiCall, 'claims'>,
): { cognito: Reply; external: Reply; runs: InvocationResult[] } {
  const runs = invokeBundle(bundles.get(fn)!, [
    { event: httpApiEvent({ ...call, claims: cognitoClaims(user) }) },
    { event: httpApiEvent({ ...call, claims: externalClaims(user) }), env: EXTERNAL_ENV },
  ]);
  for (const r of runs) if (r.error) throw new Error(r.error);
  const [cognito, external] = exactly(runs, 2, 'invocation');
  return { cognito: cognito.result, external: external.result, runs };
}

const json = (r: Reply) => JSON.parse(r.body);

describe('every function is covered', () => {
  it('by a case below', () => {
    expect(functionNames()).toEqual([
      'alerts',
      'disposal',
      'documents',
      'manifests',
      'oversight',
      'public',
      'records',
      'registry',
      'webhooks',
    ]);
  });
});

describe('API functions, built, under API Gateway HTTP API v2 events', () => {
  it('public: GET /v1/health answers without claims', () => {
    const run = only(
      invokeBundle(bundles.get('public')!, [
        { event: httpApiEvent({ method: 'GET', route: '/v1/health', path: '/v1/health' }) },
      ]),
      'invocation',
    );
    expect(run.result.statusCode).toBe(200);
    expect(JSON.parse(run.result.body)).toMatchObject({ status: 'ok' });
  });

  it('registry: GET /v1/me gives the same memberships in both claim shapes', () => {
    const { cognito, external } = bothShapes('registry', w.users.owner, {
      method: 'GET',
      route: '/v1/me',
      path: '/v1/me',
    });
    expect(cognito.statusCode, cognito.body).toBe(200);
    expect(json(cognito).memberships.map((m: any) => m.partyId)).toContain(w.generator.id);
    expect(json(external)).toEqual(json(cognito));
  });

  it('records: POST /v1/parties/{id}/ledger records an entry in both claim shapes', () => {
    const path = `/v1/parties/${w.generator.id}/ledger`;
    const call = { method: 'POST', route: '/v1/parties/{id}/ledger', path, body: ledgerBody() };
    const { cognito, external } = bothShapes('records', w.users.owner, call);
    expect([cognito.statusCode, external.statusCode], `${cognito.body} ${external.body}`).toEqual([201, 201]);
    expect(json(external)).toMatchObject({ wasteCode: ledgerBody().wasteCode, quantityKg: 500 });
  });

  it('manifests: GET /v1/manifests/{id} shows the dispatched manifest alike in both claim shapes', () => {
    const m = w.manifests.dispatched;
    const { cognito, external } = bothShapes('manifests', w.users.owner, {
      method: 'GET',
      route: '/v1/manifests/{id}',
      path: `/v1/manifests/${m.id}`,
    });
    expect(cognito.statusCode, cognito.body).toBe(200);
    expect(json(cognito)).toMatchObject({ id: m.id, status: 'dispatched' });
    expect(json(external)).toEqual(json(cognito));
  });

  it('disposal: GET /v1/chains/{manifestId} follows the received manifest to its disposal in both claim shapes', () => {
    const m = w.manifests.received;
    const { cognito, external } = bothShapes('disposal', w.users.owner, {
      method: 'GET',
      route: '/v1/chains/{manifestId}',
      path: `/v1/chains/${m.id}`,
    });
    expect(cognito.statusCode, cognito.body).toBe(200);
    expect(JSON.stringify(json(cognito))).toContain(w.disposal.id);
    expect(json(external)).toEqual(json(cognito));
  });

  it('oversight: a Shanxi regulator lists Shanxi manifests in both claim shapes; one of Xinjiang is refused (403)', () => {
    const call = {
      method: 'GET',
      route: '/v1/oversight/manifests',
      path: '/v1/oversight/manifests',
      query: 'division=14&limit=100',
    };
    const inside = bothShapes('oversight', w.users.regulatorIn, call);
    expect(inside.cognito.statusCode, inside.cognito.body).toBe(200);
    expect(json(inside.cognito).items.map((m: any) => m.id)).toContain(w.manifests.dispatched.id);
    expect(json(inside.external)).toEqual(json(inside.cognito));
    const outside = bothShapes('oversight', w.users.regulatorOut, call);
    expect([outside.cognito.statusCode, outside.external.statusCode]).toEqual([403, 403]);
  });

  it("oversight: the external issuer's claims without the stack's mapping make no regulator (403), so the mapping is what reads them", () => {
    const call = {
      method: 'GET',
      route: '/v1/oversight/manifests',
      path: '/v1/oversight/manifests',
      query: 'division=14',
      claims: externalClaims(w.users.regulatorIn),
    };
    const run = only(invokeBundle(bundles.get('oversight')!, [{ event: httpApiEvent(call) }]), 'invocation');
    expect(run.result.statusCode).toBe(403);
  });

  it('documents: GET /v1/manifests/{id}/document.pdf renders the PDF in both claim shapes', () => {
    const m = w.manifests.dispatched;
    const { cognito, external } = bothShapes('documents', w.users.owner, {
      method: 'GET',
      route: '/v1/manifests/{id}/document.pdf',
      path: `/v1/manifests/${m.id}/document.pdf`,
    });
    for (const reply of [cognito, external]) {
      expect(reply.statusCode, reply.body.slice(0, 300)).toBe(200);
      expect(reply.isBase64Encoded).toBe(true);
      expect(Buffer.from(reply.body, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 60_000);

  it('a protected route that arrives without authorizer claims is refused (401 problem+json)', () => {
    const run = only(
      invokeBundle(bundles.get('registry')!, [
        { event: httpApiEvent({ method: 'GET', route: '/v1/me', path: '/v1/me' }) },
      ]),
      'invocation',
    );
    expect(run.result.statusCode).toBe(401);
    expect(JSON.parse(run.result.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("logs one JSON line per request with API Gateway's request id, the acting user and the party in the path", () => {
    const path = `/v1/parties/${w.generator.id}/ledger`;
    const event = httpApiEvent({
      method: 'GET',
      route: '/v1/parties/{id}/ledger',
      path,
      claims: externalClaims(w.users.owner),
    });
    const run = only(invokeBundle(bundles.get('records')!, [{ event, env: EXTERNAL_ENV }]), 'invocation');
    expect(run.result.statusCode).toBe(200);
    const access = run.lines.filter((l) => l.message === 'request');
    expect(access).toEqual([
      expect.objectContaining({
        level: 'INFO',
        requestId: (event.requestContext as any).requestId,
        actor: w.users.owner.sub,
        groups: ['enterprise'],
        partyId: w.generator.id,
        method: 'GET',
        path,
        status: 200,
        service: 'records',
      }),
    ]);
  });
});

describe('stream functions, built', () => {
  it('alerts: the scheduled job runs and reports what it opened and closed', () => {
    const run = only(invokeBundle(bundles.get('alerts')!, [{ event: scheduledEvent() }]), 'invocation');
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual({ opened: expect.any(Number), closed: expect.any(Number) });
    expect(run.lines.find((l) => l.message === 'alerts job')).toMatchObject({ level: 'INFO', job: 'alerts' });
  });

  it('alerts: a stream batch with a manifest\'s "created" event is handled and counted as EMF (ManifestsCreated)', async () => {
    const m = w.manifests.draft;
    const created = await getItem(keys.manifestEvent(m.id, 1));
    expect(created).toMatchObject({ itemType: 'event', type: 'created' });
    const record = {
      eventID: '1',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'cn-northwest-1',
      dynamodb: {
        Keys: marshall(keys.manifestEvent(m.id, 1)),
        NewImage: marshall(created!, { removeUndefinedValues: true }),
        SequenceNumber: '100000000000000000001',
        SizeBytes: 500,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws-cn:dynamodb:cn-northwest-1:123456789012:table/t/stream/2026-01-01T00:00:00.000',
    };
    const run = only(invokeBundle(bundles.get('alerts')!, [{ event: { Records: [record] } }]), 'invocation');
    expect(run.error).toBeUndefined();
    const emf = run.lines.find((l) => l._aws);
    expect(emf).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'WasteChain',
            Dimensions: [['Deployment']],
            Metrics: [{ Name: 'ManifestsCreated', Unit: 'Count' }],
          },
        ],
      },
      Deployment: 'BundleTest',
      ManifestsCreated: 1,
    });
  });

  it('webhooks: the scheduled retry sweep runs', () => {
    const run = only(invokeBundle(bundles.get('webhooks')!, [{ event: scheduledEvent() }]), 'invocation');
    expect(run.error).toBeUndefined();
  });
});

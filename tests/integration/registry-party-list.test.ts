// GET /v1/parties: who lists what (domain.md rule 25), filters, and sealed cursors.
import { beforeAll, describe, expect, it } from 'vitest';
import { Party, PublicParty } from '#schemas/party.ts';
import { enterprise, regulator, testApi, type TestApi, type User } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';

let t: TestApi;
const parties: Record<string, any> = {};

/** Every item of a list, following nextCursor page by page. */
async function listAll(user: User, query: string, limit = 100): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const res: any = await t.call(
      user,
      'GET',
      `/v1/parties?${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}
const ids = (items: { id: string }[]) => items.map((i) => i.id);

beforeAll(async () => {
  t = await testApi();
  parties.lishiActive = await activeParty(t, 'list-lishi', {
    divisionCode: '141102',
    kinds: ['receiver'],
    name: '离石处置中心',
  });
  parties.lishiPending = await activeParty(t, 'list-lishi', { divisionCode: '141102' }, false);
  parties.taiyuanActive = await activeParty(t, 'list-taiyuan', { divisionCode: '140105', kinds: ['transporter'] });
  parties.changjiActive = await activeParty(t, 'list-changji', { divisionCode: '652301' });
  parties.changjiPending = await activeParty(t, 'list-changji', { divisionCode: '652301' }, false);
});

describe('regulators list their jurisdiction, every status, whole', () => {
  it.each([
    ['province 14', regulator('list-r14', '14'), ['lishiActive', 'lishiPending', 'taiyuanActive']],
    ['city 1411', regulator('list-r1411', '1411'), ['lishiActive', 'lishiPending']],
    ['county 141102', regulator('list-r141102', '141102'), ['lishiActive', 'lishiPending']],
    [
      'nationwide 00',
      regulator('list-r00', '00'),
      ['lishiActive', 'lishiPending', 'taiyuanActive', 'changjiActive', 'changjiPending'],
    ],
    [
      'admin',
      { sub: 'list-admin', groups: ['admin'] } as User,
      ['lishiActive', 'lishiPending', 'taiyuanActive', 'changjiActive', 'changjiPending'],
    ],
  ])('%s', async (_, user, expected) => {
    const items = await listAll(user, '');
    for (const item of items) Party.strict().parse(item);
    const mine = Object.entries(parties)
      .filter(([, p]) => ids(items).includes(p.id))
      .map(([name]) => name);
    expect(mine.sort()).toEqual([...expected].sort());
  });

  it('narrows by division within the jurisdiction, by status, kind and text', async () => {
    const r14 = regulator('list-r14', '14');
    expect(ids(await listAll(r14, 'divisionCode=1411'))).toEqual([parties.lishiActive.id, parties.lishiPending.id]);
    expect(ids(await listAll(r14, 'divisionCode=1411&status=pending'))).toEqual([parties.lishiPending.id]);
    expect(ids(await listAll(r14, 'kind=transporter'))).toEqual([parties.taiyuanActive.id]);
    expect(ids(await listAll(r14, `q=${encodeURIComponent('离石处置')}`))).toEqual([parties.lishiActive.id]);
    expect(ids(await listAll(r14, `q=${parties.taiyuanActive.uscc}`))).toEqual([parties.taiyuanActive.id]);
  });

  it('answers 403 FORBIDDEN when a regulator asks for a division outside (or wider than) its jurisdiction', async () => {
    for (const divisionCode of ['652301', '14', '1401']) {
      const res = await t.call(regulator('list-r1411', '1411'), 'GET', `/v1/parties?divisionCode=${divisionCode}`);
      expect(res.status, divisionCode).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });
});

describe('enterprises list the directory of active parties', () => {
  it('public fields for others, whole for their own; nothing pending', async () => {
    const items = await listAll(enterprise('list-lishi'), '');
    expect(ids(items)).toEqual(
      expect.arrayContaining([parties.lishiActive.id, parties.taiyuanActive.id, parties.changjiActive.id]),
    );
    expect(ids(items)).not.toContain(parties.lishiPending.id);
    expect(ids(items)).not.toContain(parties.changjiPending.id);
    for (const item of items) {
      if (item.id === parties.lishiActive.id) expect(Party.strict().parse(item).uscc).toBe(parties.lishiActive.uscc);
      else expect(PublicParty.strict().parse(item).status).toBe('active');
    }
  });

  it('may filter by division, kind and name, but may not ask for other statuses (403)', async () => {
    const firm = enterprise('list-someone');
    expect(ids(await listAll(firm, 'divisionCode=65'))).toEqual([parties.changjiActive.id]);
    expect(ids(await listAll(firm, 'kind=receiver&divisionCode=14'))).toEqual([parties.lishiActive.id]);
    expect((await listAll(firm, 'status=active')).length).toBeGreaterThanOrEqual(3);
    const res = await t.call(firm, 'GET', '/v1/parties?status=pending');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('answers 400 to bad query parameters, naming each', async () => {
    const res = await t.call(enterprise('list-someone'), 'GET', '/v1/parties?limit=0&kind=smuggler&divisionCode=1');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.divisionCode',
      'query.kind',
      'query.limit',
    ]);
    expect((await t.call(enterprise('list-someone'), 'GET', '/v1/parties?limit=101')).status).toBe(400);
  });
});

describe('cursors', () => {
  it('pages through every party two at a time with no duplicates and no gaps', async () => {
    const admin: User = { sub: 'list-admin', groups: ['admin'] };
    const whole = ids(await listAll(admin, ''));
    const paged = await listAll(admin, '', 2);
    expect(ids(paged)).toEqual(whole);
    expect(new Set(ids(paged)).size).toBe(paged.length);
    const first = await t.call(admin, 'GET', '/v1/parties?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.nextCursor).toBe('string');
  });

  it('answers null as the next cursor at the end', async () => {
    const res = await t.call(regulator('list-r141102', '141102'), 'GET', '/v1/parties?limit=100');
    expect(res.body.nextCursor).toBeNull();
  });

  it('refuses another user’s cursor, a cursor for another query and a tampered cursor with 400', async () => {
    const r14 = regulator('list-r14', '14');
    const first = await t.call(r14, 'GET', '/v1/parties?limit=1&divisionCode=14');
    const cursor: string = first.body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const next = await t.call(r14, 'GET', `/v1/parties?limit=1&divisionCode=14&cursor=${encodeURIComponent(cursor)}`);
    expect(next.status).toBe(200);

    const tampered = (cursor[0] === 'A' ? 'B' : 'A') + cursor.slice(1);
    const refusals = [
      [regulator('list-r14-colleague', '14'), `divisionCode=14&cursor=${encodeURIComponent(cursor)}`],
      [r14, `divisionCode=1411&cursor=${encodeURIComponent(cursor)}`],
      [r14, `divisionCode=14&status=active&cursor=${encodeURIComponent(cursor)}`],
      [r14, `divisionCode=14&cursor=${encodeURIComponent(tampered)}`],
      [r14, 'divisionCode=14&cursor=garbage'],
    ] as const;
    for (const [user, query] of refusals) {
      const res = await t.call(user, 'GET', `/v1/parties?limit=1&${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'query.cursor' }] });
    }
  });
});

// Least privilege, from the code: each function's grants equal what its bundle can send (infra/table-access.ts),
// so an action granted but never sent, or sent but never granted, fails here by function and action.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionNames, grantedActions, PROJECT_ROOT, specOf } from '../../infra/function-specs.ts';
import { codeAccessOf, type CodeAccess } from '../../infra/table-access.ts';
import { entry } from '../support/present.ts';

const names = functionNames();
let access: Record<string, CodeAccess>;

beforeAll(async () => {
  access = {};
  for (const name of names) access[name] = await codeAccessOf(name);
  console.log('what each function can send:', access);
}, 120_000);

/** `<function> <action>` lines, so a failure names both. */
const lines = (byFunction: Record<string, string[]>) =>
  Object.entries(byFunction).flatMap(([name, xs]) => xs.map((x) => `${name} ${x}`));
const eachFunction = (f: (name: string) => string[]) => lines(Object.fromEntries(names.map((n) => [n, f(n)])));
const difference = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
const accessOf = (name: string) => entry(access, name, 'what each function can send');

describe('each function is granted', () => {
  it('every action its code can send (else AccessDenied in AWS)', () => {
    expect(eachFunction((n) => difference(accessOf(n).actions, grantedActions(specOf(n))))).toEqual([]);
  });

  it('no action its code cannot send', () => {
    expect(eachFunction((n) => difference(grantedActions(specOf(n)), accessOf(n).actions))).toEqual([]);
  });

  it('Query on exactly the indexes its code names, and no index when it queries none', () => {
    expect(
      eachFunction((n) =>
        difference(accessOf(n).indexes, specOf(n).indexes ?? []).map((i) => `Query on ${i} not granted`),
      ),
    ).toEqual([]);
    expect(
      eachFunction((n) =>
        difference(specOf(n).indexes ?? [], accessOf(n).indexes).map((i) => `Query on ${i} granted, never named`),
      ),
    ).toEqual([]);
  });
});

describe('the analysis', () => {
  it('finds what reachable code sends, transactions by their items, and nothing its modules merely export', async () => {
    const probe = await codeAccessOf('probe', join(PROJECT_ROOT, 'tests/infra/fixtures/iam-probe.ts'));
    expect(probe).toEqual({
      actions: ['dynamodb:ConditionCheckItem', 'dynamodb:Query', 'dynamodb:Scan'],
      indexes: ['GSI3'],
    });
  });

  it('leaves out the idempotency writes of a function with no POST route, and only there', () => {
    const writes = (n: string) =>
      accessOf(n).actions.filter((a) => ['dynamodb:PutItem', 'dynamodb:DeleteItem'].includes(a));
    expect(writes('documents')).toEqual([]);
    expect(writes('registry')).toEqual(['dynamodb:DeleteItem', 'dynamodb:PutItem']);
  });
});

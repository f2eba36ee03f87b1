// The console's small pure parts: its demo-user buttons match the demo data, every Chinese text it shows has its
// English, and the local server serves it at / without taking any API path.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_REGULATOR_HEBEI } from '../../local/demo-applications.ts';
import { DEMO_PARTIES, DEMO_REGULATOR } from '../../local/demo-data.ts';
import { isApiPath } from '../../local/console-static.ts';
import { DEMO_USERS } from '../../web/src/app/demo-users.ts';
import { EN } from '../../web/src/lib/i18n-en.ts';
import { EVENT, REFUSAL } from '../../web/src/lib/labels.ts';
import { ERROR_CODES } from '../../shared/errors.ts';
import { EVENT_TYPES } from '../../shared/domain/hash-chain.ts';
import { at } from '../support/present.ts';

const SRC = new URL('../../web/src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : [],
  );

describe('the web console', () => {
  it('offers one sign-in button per demo user of the local server', () => {
    const regulators = [DEMO_REGULATOR, DEMO_REGULATOR_HEBEI];
    expect(DEMO_USERS.map((u) => u.sub)).toEqual([...DEMO_PARTIES.map((d) => d.user), ...regulators.map((r) => r.sub)]);
    expect(DEMO_USERS.slice(-2)).toEqual(
      regulators.map((r) => ({ sub: r.sub, groups: [...r.groups], jurisdiction: r.jurisdiction })),
    );
  });

  it('says every refusal code of the API in Chinese, and nothing the API does not answer', () => {
    expect(Object.keys(REFUSAL).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('names every event type of the timeline in Chinese, with its English (a raw type once showed: replacement_created)', () => {
    expect(Object.keys(EVENT).sort()).toEqual([...EVENT_TYPES].sort());
    expect(Object.values(EVENT).filter((zh) => !(zh in EN))).toEqual([]);
  });

  it('has English for every text it passes through t()', () => {
    const texts = files(SRC).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\bt\('([^']+)'\)/g)].map((m) => at(m, 1, 'text')),
    );
    expect(texts.length).toBeGreaterThan(100);
    expect([...new Set(texts.filter((zh) => !(zh in EN)))]).toEqual([]);
  });

  it('talks to the API only through the typed client (no fetch of its own but /config.json and /local/token)', () => {
    const fetches = files(SRC).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\bfetch\('([^']+)'/g)].map((m) => m[1]),
    );
    expect(fetches.sort()).toEqual(['/config.json', '/local/token']);
  });

  it('leaves the API its paths', () => {
    for (const p of ['/v1/me', '/v1', '/local/token', '/docs', '/openapi.json']) expect(isApiPath(p), p).toBe(true);
    for (const p of ['/', '/manifests/new', '/driver', '/assets/index.js', '/v1x']) expect(isApiPath(p), p).toBe(false);
  });
});

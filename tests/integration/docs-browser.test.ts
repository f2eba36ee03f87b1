// A newcomer opening /docs sees every operation of the API, rendered by Swagger UI from files the API serves
// itself: the page makes no request that leaves 127.0.0.1 (no CDN; the docs work offline and in mainland China).
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '#schemas/openapi.ts';
import { testApi } from '../support/api.ts';
import { isolatedPage, launchBrowser } from '../support/browser.ts';

let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  const t = await testApi();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.api.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('/docs in Chromium', () => {
  it('renders every operation of /openapi.json, and no request leaves 127.0.0.1', async () => {
    const document = (await openApiDocument()) as unknown as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const { page, outside, close } = await isolatedPage(browser);
    try {
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      await page.goto(`${base}/docs`);
      await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
      const rendered = await page
        .locator('.opblock-summary')
        .evaluateAll((blocks) =>
          blocks.map(
            (b) =>
              `${b.querySelector('.opblock-summary-method')?.textContent?.trim()} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`,
          ),
        );
      expect(rendered.sort()).toEqual(operations.sort());
      expect(await page.locator('.info .title').textContent()).toContain('WasteChain');
      expect(outside).toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await close();
    }
  }, 60_000);
});

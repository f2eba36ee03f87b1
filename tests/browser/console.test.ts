// The web console in real Chromium against the real local stack, one journey per role (issue 13, console.md):
// a clinic records sharps in its ledger and files a manifest to the collector; the driver opens it by number on a
// 360-px page and signs pickup and arrival; the collector receives it and ships it on to the disposer; the disposer
// receives with a partial rejection and reports disposal. Controls are found by role and visible name, as
// console.md names them. Every screen visited is screenshot (test-results/console/) and checked by axe-core.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleStack, type ConsoleStack } from './console-stack.ts';
import { launchChromium } from './launch.ts';

const SHOTS = 'test-results/console';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1440, height: 900 };
// A journey's time on a loaded 2-core machine; Playwright's own waits (20 s) fail first, with what they waited for.
const JOURNEY = 180_000;

// Waits as Playwright's do (vitest's poll gives up after 1 s).
const poll = <T>(f: () => T | Promise<T>) => expect.poll(f, { timeout: 20_000, interval: 200 });

let stack: ConsoleStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const axeFindings: { screen: string; id: string; impact: string; nodes: number }[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [stack, browser] = await Promise.all([startConsoleStack(), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(user: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  contexts.push(context);
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto(stack.base);
  await poll(() => page.getByRole('heading', { name: '登录' }).isVisible()).toBe(true);
  await page.getByRole('button', { name: user, exact: true }).click();
  await page.getByRole('navigation').waitFor();
  return page;
}

/** Screenshot the screen and keep axe-core's serious and critical findings. */
async function screen(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  for (const v of violations) {
    if (v.impact === 'serious' || v.impact === 'critical') axeFindings.push({ screen: name, id: v.id, impact: v.impact, nodes: v.nodes.length });
  }
}

const go = async (page: Page, nav: string) => {
  await page.getByRole('navigation').getByRole('link', { name: nav, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${nav}`) }).waitFor();
};

let clinicNumber = '';
let onwardNumber = '';

describe('the console, journey by role', () => {
  it('登录: one button per demo user and a form for any user', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${stack.base}/manifests`); // a deep link gets the app (SPA fallback), which asks to sign in
    for (const user of ['demo-generator', 'demo-clinic', 'demo-carrier', 'demo-disposer', 'demo-collector']) {
      await expect(page.getByRole('button', { name: user, exact: true }).isVisible()).resolves.toBe(true);
    }
    await page.getByRole('button', { name: '登录', exact: true }).click(); // no 用户: the API's refusal beside the field
    await poll(() => page.getByRole('alert').textContent()).toBeTruthy();
    await expect(page.getByLabel('用户', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await screen(page, 'login-360');
  }, JOURNEY);

  it('a clinic records sharps in its ledger and files a manifest to the collector', async () => {
    const page = await signIn('demo-clinic');
    await screen(page, 'workbench-clinic-1440');
    await go(page, '台账');
    await page.getByLabel('废物代码').fill('841-002-01');
    await page.getByLabel('数量(kg)').fill('12.5');
    await page.getByLabel('医疗废物类别').selectOption('sharps');
    await page.getByRole('button', { name: '新增台账' }).click();
    await poll(() => page.getByRole('status').textContent()).toMatch(/HWCS\d+/);
    await poll(() => page.getByRole('row').filter({ hasText: '841-002-01' }).count()).toBe(1);
    await screen(page, 'ledger-clinic-1440');

    await go(page, '转移联单');
    await page.getByRole('button', { name: '新建联单' }).click();
    await page.getByRole('heading', { name: '新建联单' }).waitFor();
    await page.getByLabel('接受单位', { exact: true }).fill('收集');
    await page.getByRole('group', { name: '接受单位候选' }).getByLabel('吕梁示范医疗废物收集有限公司').check();
    await page.getByRole('group', { name: '承运单位候选' }).getByLabel('山西示范危货运输有限公司').check();
    const line = page.getByRole('group', { name: '明细 1' });
    await line.getByLabel('废物代码').fill('841-002-01');
    await line.getByLabel('废物名称').fill('损伤性废物（针头）');
    // 校验 before the quantity: the refusal stands beside 数量(kg), and nothing typed is lost
    await page.getByRole('button', { name: '校验' }).click();
    await poll(() => line.getByLabel('数量(kg)').getAttribute('aria-invalid')).toBe('true');
    await expect(line.getByLabel('废物名称').inputValue()).resolves.toBe('损伤性废物（针头）');
    await screen(page, 'manifest-new-refused-1440');
    await line.getByLabel('数量(kg)').fill('12.5');
    await line.getByLabel('包装方式').selectOption('sharps-container');
    await line.getByLabel('容器数量').fill('2');
    await line.getByLabel('医疗废物类别').selectOption('sharps');
    await page.getByRole('button', { name: '校验' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toContain('校验通过');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toMatch(/\d{14}/);
    await page.getByRole('button', { name: '移出确认' }).click();
    await page.getByRole('heading', { name: /^联单详情/ }).waitFor();
    clinicNumber = (await page.locator('h1 .number').textContent())!;
    expect(clinicNumber).toMatch(/^\d{14}$/);
    await poll(() => page.getByText('完整性校验通过').isVisible()).toBe(true);
    await poll(() => page.getByRole('list').filter({ hasText: '移出确认' }).count()).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载联单PDF' }).click();
    expect((await download).suggestedFilename()).toBe(`${clinicNumber}.pdf`);
    await screen(page, 'manifest-detail-clinic-1440');
  }, JOURNEY);
});

afterAll(() => {
  expect(axeFindings).toEqual([]);
});

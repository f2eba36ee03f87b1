// The web console in real Chromium against the real local stack, one journey per role (issue 13, console.md):
// a clinic records sharps in its ledger and files a manifest to the collector; the driver opens it by number on a
// 360-px page and signs pickup and arrival; the collector receives it and ships it on to the disposer; the disposer
// receives with a partial rejection and reports disposal. Controls are found by role and visible name, as
// console.md names them. Every screen visited is screenshot (test-results/console/) and checked by axe-core.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startConsoleStack, type ConsoleStack } from './console-stack.ts';
import { manifestQrPayload } from '#shared/documents/qr.ts';
import { launchBrowser } from '../support/browser.ts';
import { writeQrVideo } from './qr-video.ts';

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
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(user: string, viewport = DESKTOP, on = browser): Promise<Page> {
  const context = await on.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  contexts.push(context);
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  // A failing journey leaves the page it failed on beside the screenshots
  onTestFailed(async (ctx) => {
    await page
      .screenshot({ path: `${SHOTS}/FAILED-${ctx.task.name.slice(0, 40)}.png`, fullPage: true })
      .catch(() => {});
  });
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
    if (v.impact === 'serious' || v.impact === 'critical')
      axeFindings.push({ screen: name, id: v.id, impact: v.impact, nodes: v.nodes.length });
  }
}

/** The same page at 360 px: nothing wider than the phone (tables scroll inside their own box), then back. */
async function atPhoneWidth(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(PHONE.width);
  await screen(page, name);
  await page.setViewportSize(DESKTOP);
}

const go = async (page: Page, nav: string) => {
  await page.getByRole('navigation').getByRole('link', { name: nav, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${nav}`) }).waitFor();
};

/** The API's answer as a demo user sees it (a token from the local server, as the console gets one). */
async function apiAs(sub: string, path: string): Promise<Record<string, unknown> & { items?: unknown[] }> {
  const mint = await fetch(`${stack.base}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, groups: ['enterprise'] }),
  });
  const { token } = (await mint.json()) as { token: string };
  const res = await fetch(stack.base + path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

let clinicNumber = '';
let onwardNumber = '';

describe('the console, journey by role', () => {
  it(
    '登录: one button per demo user and a form for any user',
    async () => {
      const context = await browser.newContext({ viewport: PHONE });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${stack.base}/manifests`); // a deep link gets the app (SPA fallback), which asks to sign in
      for (const user of ['demo-generator', 'demo-clinic', 'demo-carrier', 'demo-disposer', 'demo-collector']) {
        await poll(() => page.getByRole('button', { name: user, exact: true }).isVisible()).toBe(true);
      }
      await page.getByRole('button', { name: '登录', exact: true }).click(); // no 用户: the API's refusal beside the field
      await poll(() => page.getByRole('alert').textContent()).toBeTruthy();
      await expect(page.getByLabel('用户', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
      await screen(page, 'login-360');
      // English is a click away once signed in; the Chinese names come back with 中文
      await page.getByRole('button', { name: 'demo-clinic', exact: true }).click();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('navigation').getByRole('link', { name: 'Ledger' }).waitFor();
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('navigation').getByRole('link', { name: '台账' }).waitFor();
    },
    JOURNEY,
  );

  it(
    'a clinic records sharps in its ledger and files a manifest to the collector',
    async () => {
      const page = await signIn('demo-clinic');
      // the workbench as it shows once loaded (a screenshot once caught only its loading mark)
      await page.getByRole('button', { name: '场地坐标' }).waitFor();
      await page.getByRole('heading', { name: '预警' }).waitFor();
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
      await atPhoneWidth(page, 'manifest-new-360');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await poll(() => page.getByRole('status').first().textContent()).toMatch(/\d{14}/);
      // The saved draft's 作废 with no reason: refused beside 作废原因; 取消 keeps the draft
      await page.getByRole('button', { name: '作废', exact: true }).click();
      await page.getByRole('button', { name: '作废', exact: true }).click();
      await poll(() => page.getByLabel('作废原因').getAttribute('aria-invalid')).toBe('true');
      await page.getByRole('button', { name: '取消', exact: true }).click();
      await page.getByRole('button', { name: '移出确认' }).click();
      await page.getByRole('heading', { name: /^联单详情/ }).waitFor();
      clinicNumber = (await page.locator('h1 .number').textContent())!;
      expect(clinicNumber).toMatch(/^\d{14}$/);
      await poll(() => page.getByText('完整性校验通过').isVisible()).toBe(true);
      // the track panel is every viewer's (api.md), not only a regulator's
      await page.getByRole('heading', { name: '轨迹与事故' }).waitFor();
      await page.getByText('尚未提货，暂无轨迹。').waitFor();
      await poll(() => page.getByRole('list').filter({ hasText: '移出确认' }).count()).toBeGreaterThan(0);
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: '下载联单PDF' }).click();
      expect((await download).suggestedFilename()).toBe(`${clinicNumber}.pdf`);
      await screen(page, 'manifest-detail-clinic-1440');
      // 作废 asks for its reason and confirms with a button of the action's own name; an empty reason is refused
      // beside 作废原因 and the manifest stays dispatched
      await page.getByRole('button', { name: '作废', exact: true }).click();
      const cancel = page.getByRole('group', { name: '作废', exact: true });
      await cancel.getByRole('button', { name: '作废', exact: true }).click();
      await poll(() => cancel.getByLabel('作废原因').getAttribute('aria-invalid')).toBe('true');
      await cancel.getByRole('button', { name: '取消' }).click();

      // 申报: this year's declaration counts the sharps generated and dispatched; a year still running cannot be
      // submitted (the refusal shows), last year's can
      await go(page, '申报');
      await poll(() => page.getByRole('row').filter({ hasText: '841-002-01' }).textContent()).toContain('12.5 kg');
      await page.getByRole('button', { name: '提交申报' }).click();
      await poll(() => page.getByRole('alert').textContent()).toContain('INVALID_STATE');
      await page.getByLabel('申报期').fill(String(new Date().getFullYear() - 1));
      await page.getByRole('button', { name: '提交申报' }).click();
      await poll(() => page.getByText('已提交', { exact: true }).isVisible()).toBe(true);
      await screen(page, 'declarations-clinic-1440');
    },
    JOURNEY,
  );

  it(
    'the driver opens it by number on a 360-px page and signs pickup and arrival',
    async () => {
      const page = await signIn('demo-carrier', PHONE);
      await go(page, '司机');
      await page.getByLabel('联单编号').fill(clinicNumber);
      await page.getByRole('button', { name: '打开' }).click();
      await page.getByRole('heading', { name: `联单 ${clinicNumber}` }).waitFor();
      await screen(page, 'driver-open-360');
      // Signing without a plate: the API's refusal beside 车牌号, the driver's name kept
      await page.getByLabel('驾驶员').fill('张师傅');
      await page.getByRole('button', { name: '确认提货' }).click();
      await poll(() => page.getByLabel('车牌号').getAttribute('aria-invalid')).toBe('true');
      await expect(page.getByLabel('驾驶员').inputValue()).resolves.toBe('张师傅');
      await page.getByLabel('车牌号').fill('晋A12345');
      await page.getByLabel('同意共享位置').check();
      await page.getByRole('button', { name: '确认提货' }).click();
      // 共享位置: the phone's position reaches the leg's track (source phone, allowed by the consent at pickup).
      // The emulated position is stamped when set, so set it once the pickup has committed (共享位置 shows), or
      // on a slow machine it predates the pickup and is refused (before-pickup)
      const share = page.getByRole('button', { name: '共享位置', exact: true });
      await share.waitFor();
      await page.context().grantPermissions(['geolocation'], { origin: stack.base });
      await page.context().setGeolocation({ latitude: 37.87, longitude: 112.55 });
      await share.click();
      await poll(() => page.getByText(/已发送/).isVisible()).toBe(true);
      // …in China Standard Time, whatever the browser's zone (this one's is the machine's, UTC)
      const sent = /已发送 (\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})/.exec(
        (await page.getByText(/已发送/).textContent()) ?? '',
      );
      expect(sent, 'a CST date and time').not.toBeNull();
      const [, y, mo, d, h, mi] = sent ?? [];
      expect(Math.abs(Date.now() - Date.parse(`${y}-${mo}-${d}T${h}:${mi}:00+08:00`))).toBeLessThan(120_000);
      await page.screenshot({ path: `${SHOTS}/driver-sharing-360.png`, fullPage: true });
      const id = (await apiAs('demo-carrier', `/v1/manifests/by-number/${clinicNumber}`)).id as string;
      const track = await apiAs('demo-carrier', `/v1/manifests/${id}/track?leg=1`);
      expect(track.items).toEqual([expect.objectContaining({ leg: 1, lat: 37.87, lon: 112.55, source: 'phone' })]);
      await page.getByRole('button', { name: '停止共享位置' }).click();
      // 报告事故: a spill of 0.5 kg on line 1 in a county picked province → city → county; the API then lists it
      await page.getByRole('button', { name: '报告事故' }).click();
      const form = page.getByRole('form', { name: '报告事故' });
      await form.getByLabel('事故类型').selectOption('spill');
      await form.getByLabel(/^损失 1\./).fill('0.5');
      await form.getByLabel('事故经过').fill('装车时利器盒破损');
      await form.getByLabel('处置措施').fill('已收集并消毒');
      for (const label of ['山西省 (14)', '太原市 (1401)', '小店区 (140105)'])
        await form.getByLabel('下级区划').selectOption({ label });
      await form.getByRole('button', { name: '提交事故报告' }).click();
      await poll(() => form.isVisible()).toBe(false);
      const incidents = await apiAs('demo-carrier', `/v1/manifests/${id}/incidents`);
      expect(incidents.items).toEqual([
        expect.objectContaining({ type: 'spill', divisionCode: '140105', lines: [{ lineNo: 1, lostKg: 0.5 }] }),
      ]);
      await screen(page, 'driver-incident-360');
      await page.getByRole('button', { name: '确认运抵' }).click();
      await poll(() => page.getByText('已运抵').isVisible()).toBe(true);
      // delivered: the last carrier may still report an incident (…/actions offers it); the leg takes no positions
      await poll(() => page.getByRole('button', { name: '报告事故' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '共享位置', exact: true }).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await screen(page, 'driver-signed-360');
    },
    JOURNEY,
  );

  it(
    'the collector receives it, then ships it on to the disposer',
    async () => {
      const page = await signIn('demo-collector');
      // On the delivered load the receiver reports an incident from the manifest's page (…/actions offers it):
      // a leak found at unloading, nothing lost; the timeline then shows it beside the driver's
      await go(page, '转移联单');
      await page.getByRole('link', { name: clinicNumber }).click();
      await page.getByRole('heading', { name: /^联单详情/ }).waitFor();
      await page.getByRole('button', { name: '报告事故' }).click();
      const incident = page.getByRole('form', { name: '报告事故' });
      await incident.getByLabel('事故类型').selectOption('leak');
      await incident.getByLabel('事故经过').fill('卸车时发现利器盒渗漏');
      await incident.getByLabel('处置措施').fill('已更换容器并消毒');
      for (const label of ['山西省 (14)', '吕梁市 (1411)', '离石区 (141102)'])
        await incident.getByLabel('下级区划').selectOption({ label });
      await page.screenshot({ path: `${SHOTS}/manifest-incident-collector-1440.png`, fullPage: true });
      await page.setViewportSize(PHONE);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${SHOTS}/manifest-incident-collector-360.png`, fullPage: true });
      await page.setViewportSize(DESKTOP);
      await incident.getByRole('button', { name: '提交事故报告' }).click();
      await poll(() => page.getByRole('listitem').filter({ hasText: '报告事故' }).count()).toBe(2);
      const id = (await apiAs('demo-collector', `/v1/manifests/by-number/${clinicNumber}`)).id as string;
      const incidents = await apiAs('demo-collector', `/v1/manifests/${id}/incidents`);
      expect(incidents.items).toContainEqual(
        expect.objectContaining({ type: 'leak', divisionCode: '141102', lines: [] }),
      );
      // The track panel lists it; closing it is a regulator's (…/actions offers it to nobody here)
      await poll(() => page.getByRole('listitem').filter({ hasText: '卸车时发现利器盒渗漏' }).count()).toBe(1);
      await expect(page.getByRole('button', { name: '关闭事故' }).count()).resolves.toBe(0);
      await go(page, '接收');
      await page.getByRole('link', { name: clinicNumber }).click();
      await page.getByRole('heading', { name: `接收 ${clinicNumber}` }).waitFor();
      await expect(page.getByLabel('接收量(kg)').inputValue()).resolves.toBe('12.5');
      await screen(page, 'receipt-collector-1440');
      await atPhoneWidth(page, 'receipt-collector-360');
      await page.getByRole('button', { name: '确认接收' }).click();
      await page.getByRole('button', { name: '提交利用处置报告' }).waitFor();

      // Shipping on needs this year's plan (管理计划) naming the code
      await go(page, '管理计划');
      await page.getByLabel('废物代码').fill('841-002-01');
      await page.getByLabel('预计产生量(kg)').fill('5000');
      await page.getByRole('button', { name: '提交备案' }).click();
      await page.getByRole('heading', { name: /^版本 1/ }).waitFor();
      await screen(page, 'plans-collector-1440');

      await go(page, '转移联单');
      await page.getByRole('button', { name: '新建联单' }).click();
      await page.getByRole('group', { name: '接受单位候选' }).getByLabel('山西示范环境科技有限公司').check();
      await page.getByRole('group', { name: '承运单位候选' }).getByLabel('山西示范危货运输有限公司').check();
      const line = page.getByRole('group', { name: '明细 1' });
      await line.getByLabel('废物代码').fill('841-002-01');
      await line.getByLabel('废物名称').fill('损伤性废物');
      await line.getByLabel('数量(kg)').fill('12.5');
      await line.getByLabel('包装方式').selectOption('sharps-container');
      await line.getByLabel('容器数量').fill('2');
      await line.getByLabel('医疗废物类别').selectOption('sharps');
      await line.getByLabel('来源联单').selectOption({ label: `${clinicNumber} #1 841-002-01 12.5 kg` });
      await page.getByRole('button', { name: '移出确认' }).click();
      await page.getByRole('heading', { name: /^联单详情/ }).waitFor();
      onwardNumber = (await page.locator('h1 .number').textContent())!;
      expect(onwardNumber).toMatch(/^\d{14}$/);
      await poll(() => page.getByText('已移出').isVisible()).toBe(true);
      await page.getByRole('link', { name: '查看链条' }).click();
      await poll(() => page.getByRole('row').filter({ hasText: clinicNumber }).count()).toBe(1);
      await screen(page, 'manifest-onward-collector-1440');
    },
    JOURNEY,
  );

  it(
    'a disposer receives the collector’s manifest with a partial rejection and reports disposal',
    async () => {
      // The carrier scans the QR code of the collector's manifest PDF with the phone's camera (Chromium's fake
      // camera films it), then signs pickup and arrival
      const video = join(SHOTS, 'qr.y4m');
      writeQrVideo(video, manifestQrPayload(onwardNumber, `${stack.base}/v1/manifests/by-number/${onwardNumber}`));
      const cameraBrowser = await launchBrowser({ fakeCamera: video });
      try {
        const phone = await signIn('demo-carrier', PHONE, cameraBrowser);
        await go(phone, '司机');
        await phone.getByRole('button', { name: '扫码' }).click();
        await phone.getByRole('heading', { name: `联单 ${onwardNumber}` }).waitFor();
        await expect(phone.getByLabel('联单编号').inputValue()).resolves.toBe(onwardNumber);
        await phone.getByLabel('车牌号').fill('晋J54321');
        await phone.getByLabel('驾驶员').fill('李师傅');
        await phone.getByRole('button', { name: '确认提货' }).click();
        // picked up without 同意共享位置: no 共享位置, a sentence saying consent is given at pickup
        await phone.getByText(/未记录该同意/).waitFor();
        expect(await phone.getByRole('button', { name: '共享位置', exact: true }).count()).toBe(0);
        await phone.screenshot({ path: `${SHOTS}/driver-no-consent-360.png`, fullPage: true });
        await phone.getByRole('button', { name: '确认运抵' }).click();
        await poll(() => phone.getByText('已运抵').isVisible()).toBe(true);
        await screen(phone, 'driver-scanned-360');
      } finally {
        await cameraBrowser.close();
      }

      const page = await signIn('demo-disposer');
      await page.getByRole('button', { name: '场地坐标' }).waitFor();
      await screen(page, 'workbench-disposer-1440');
      await page.getByRole('link', { name: onwardNumber }).click();
      await page.getByRole('button', { name: '确认接收' }).click();
      await page.getByRole('heading', { name: `接收 ${onwardNumber}` }).waitFor();
      await page.getByLabel('拒收量(kg)').fill('2.5');
      await page.getByRole('group', { name: '明细 1' }).getByLabel('拒收原因').fill('利器盒破损');
      await page.getByLabel('拒收废物去向').selectOption('return');
      await page.getByRole('button', { name: '确认接收' }).click();
      const line = page.getByRole('group', { name: '明细 1' });
      await line.getByLabel('利用处置方式').waitFor();
      await expect(line.getByLabel('数量(kg)').inputValue()).resolves.toBe('10');
      await line.getByLabel('利用处置方式').selectOption('Y10');
      await page.getByRole('button', { name: '添加残渣' }).click();
      const residue = page.getByRole('group', { name: '残渣 1' });
      await residue.getByLabel('废物代码').fill('772-003-18');
      await residue.getByLabel('数量(kg)').fill('1.2');
      await screen(page, 'disposal-report-1440');
      await page.getByRole('button', { name: '提交利用处置报告' }).click();
      await poll(() => page.getByText('利用处置已完成。').isVisible()).toBe(true);

      await page.getByRole('link', { name: '联单详情' }).click();
      await page.getByRole('heading', { name: /^联单详情/ }).waitFor();
      await poll(() => page.getByText('已完成').first().isVisible()).toBe(true);
      // The timeline names every event in Chinese, the replacement draft for the rejected 2.5 kg too
      await poll(() => page.getByRole('listitem').filter({ hasText: '生成替代联单' }).count()).toBe(1);
      await poll(() => page.getByRole('row').filter({ hasText: '841-002-01' }).textContent()).toContain('2.5 kg');
      await screen(page, 'manifest-completed-disposer-1440');
      // The API agrees: completed, 10 kg accepted and 2.5 kg going back to the collector on a replacement draft
      const disposer = { sub: 'demo-disposer', groups: ['enterprise' as const] };
      const m = (await stack.t.call(disposer, 'GET', `/v1/manifests/by-number/${onwardNumber}`)).body;
      expect(m).toMatchObject({ status: 'completed', replacedBy: expect.any(String) });
      expect(m.lines[0].receipt).toMatchObject({ receivedKg: 12.5, rejectedKg: 2.5, acceptedKg: 10 });
    },
    JOURNEY,
  );

  it(
    'a generator records waste pending identification (待鉴别), identifies it as a waste code, and sees the batch in stock',
    async () => {
      const page = await signIn('demo-generator');
      await go(page, '台账');
      await page.getByLabel('待鉴别').check();
      await page.getByLabel('废物名称').fill('检修清出的油泥');
      await page.getByLabel('产生工序').fill('设备检修');
      await page.getByLabel('数量(kg)').fill('40');
      await page.getByRole('button', { name: '新增台账' }).click();
      await poll(() => page.getByRole('status').textContent()).toMatch(/已记录批次 \S+/);
      const pendingRow = page.getByRole('row').filter({ hasText: '检修清出的油泥' });
      await poll(() => pendingRow.textContent()).toContain('待鉴别');
      // Pending kilograms stand apart in stock (the demo plant already holds 350 kg of sludge pending identification)
      await go(page, '工作台');
      await poll(() => page.getByText(/^待鉴别（按危险废物管理）/).textContent()).toContain('390 kg');

      await go(page, '台账');
      await pendingRow.getByRole('button', { name: /^登记鉴别结果/ }).click();
      const form = page.getByRole('form', { name: /^登记鉴别结果/ });
      // No code yet: the API's refusal beside 废物代码, the report number typed stays
      await form.getByLabel('鉴别报告编号').fill('晋环鉴字2026-017');
      await form.getByRole('button', { name: '登记鉴别结果' }).click();
      await poll(() => form.getByLabel('废物代码').getAttribute('aria-invalid')).toBe('true');
      await expect(form.getByLabel('鉴别报告编号').inputValue()).resolves.toBe('晋环鉴字2026-017');
      // A plain screenshot: axe-core's pass (screen()) costs ~20 s on this machine, which this journey's budget has not
      await page.screenshot({ path: `${SHOTS}/ledger-identify-refused-1440.png`, fullPage: true });
      await form.getByLabel('废物代码').fill('900-249-08');
      await form.getByRole('button', { name: '登记鉴别结果' }).click();
      await poll(() => form.isVisible()).toBe(false);
      await poll(() => pendingRow.textContent()).toContain('已鉴别: 900-249-08');
      // The new generated batch of that code, 40 kg, and in stock under its code, no longer pending
      await poll(() =>
        page.getByRole('row').filter({ hasText: '900-249-08' }).filter({ hasNotText: '检修清出的油泥' }).textContent(),
      ).toContain('40 kg');
      await go(page, '工作台');
      await poll(() => page.getByRole('row').filter({ hasText: '900-249-08' }).textContent()).toMatch(/40 kg.*40 kg/);
      await poll(() => page.getByText(/^待鉴别（按危险废物管理）/).textContent()).toContain('350 kg');

      // 场地坐标: an out-of-range latitude is refused beside 纬度; the saved site then shows beside the button
      await page.getByRole('button', { name: '场地坐标' }).click();
      const site = page.getByRole('form', { name: '场地坐标' });
      await site.getByLabel('纬度').fill('91');
      await site.getByLabel('经度').fill('112.549');
      await site.getByRole('button', { name: '保存' }).click();
      await poll(() => site.getByLabel('纬度').getAttribute('aria-invalid')).toBe('true');
      await site.getByLabel('纬度').fill('37.857');
      await site.getByRole('button', { name: '保存' }).click();
      await poll(() => site.getByRole('status').textContent()).toBe('已保存');
      await site.getByRole('button', { name: '取消' }).click();
      await poll(() => page.getByTestId('site-location').textContent()).toBe('纬度 37.857 · 经度 112.549');
    },
    JOURNEY,
  );

  it('axe-core: no serious or critical violation on any screen visited', () => {
    expect(axeFindings).toEqual([]);
  });
});

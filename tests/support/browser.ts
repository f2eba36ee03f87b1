// A headless Chromium for tests that look at pages as a user would: Debian's /usr/bin/chromium driven by
// playwright-core (no browser download). Every request the page makes outside the allowed hosts is refused and
// recorded, so a test can assert that nothing left the machine.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `fakeCamera`: a Y4M video the camera films, its permission prompt answered yes (the driver's QR scan). */
export function launchBrowser({ fakeCamera }: { fakeCamera?: string } = {}): Promise<Browser> {
  const camera = fakeCamera
    ? [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${fakeCamera}`,
      ]
    : [];
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Quiet: no sandbox (containers), no GPU, and none of Chromium's own calls home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...camera,
    ],
  });
}

export interface IsolatedPage {
  page: Page;
  /** URLs the page asked for outside the allowed hosts (each refused). */
  outside: string[];
  close(): Promise<void>;
}

/** A fresh page whose requests may only reach `allowedHosts`. */
export async function isolatedPage(
  browser: Browser,
  allowedHosts: readonly string[] = ['127.0.0.1'],
): Promise<IsolatedPage> {
  const context = await browser.newContext();
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || allowedHosts.includes(url.hostname))
      return route.continue();
    outside.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { page: await context.newPage(), outside, close: () => context.close() };
}

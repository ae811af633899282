import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { FY, WebWorld } from './support/web-world';

jest.setTimeout(90_000);

const BUDGET_BYTES = 300 * 1024;
const report = (screen: string, critical: number, fonts: number) =>
  process.stdout.write(
    `first visit, ${screen}: ${Math.round(critical / 1024)} KB before usable + ${Math.round(fonts / 1024)} KB of font subsets after\n`,
  );

/**
 * Bytes a first visit transfers for one screen, with a fresh cache: every response's body, counted
 * gzip-compressed (what a compressing server or proxy sends; WOFF2 is compressed already). The
 * budget covers what the screen needs before it is usable (HTML, scripts, styles, data); the
 * font's subsets arrive after with font-display: swap (text shows at once in the fallback font),
 * so they are counted apart and reported.
 */
async function firstVisitBytes(
  context: BrowserContext,
  path: string,
  ready: (page: Page) => Promise<void>,
): Promise<{ critical: number; fonts: number; files: string[] }> {
  const page = await context.newPage();
  const bodies: Array<Promise<[string, number]>> = [];
  page.on('response', (response) => {
    bodies.push(
      response.body().then(
        (body) => [response.url(), Math.min(body.length, gzipSync(body).length)] as [string, number],
        () => [response.url(), 0],
      ),
    );
  });
  await page.goto(path);
  await ready(page);
  await page.evaluate('document.fonts.ready');
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(bodies);
  await page.close();
  const isFont = (url: string) => url.endsWith('.woff2');
  const sum = (keep: (url: string) => boolean) =>
    sizes.filter(([url]) => keep(url)).reduce((total, [, size]) => total + size, 0);
  return {
    critical: sum((url) => !isFont(url)),
    fonts: sum(isFont),
    files: sizes.map(([url, size]) => `${new URL(url).pathname} ${size}`),
  };
}

describe('web: the first screen stays under 300 KB compressed', () => {
  let world: WebWorld;

  beforeAll(async () => {
    world = await WebWorld.start();
  });
  afterAll(() => world?.stop());

  it('sign-in page', async () => {
    const context = await world.context();
    const { critical, fonts } = await firstVisitBytes(context, '/login', (page) =>
      page.getByRole('button', { name: 'ログイン' }).waitFor(),
    );
    await context.close();
    report('sign-in', critical, fonts);
    expect(critical).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('a section’s inbox opened from a reminder e-mail (signed in, empty cache)', async () => {
    const signing = await world.context();
    const page = await signing.newPage();
    await world.signIn(page, 'staff-hoiku', '/');
    const storageState = await signing.storageState();
    await signing.close();
    const context = await world.browser.newContext({
      baseURL: world.baseUrl,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      storageState,
    });
    const { critical, fonts } = await firstVisitBytes(context, `/cycles/${FY}/inbox`, (p) =>
      p.getByRole('heading', { level: 1, name: /提出状況/ }).waitFor(),
    );
    await context.close();
    report('inbox', critical, fonts);
    expect(critical).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

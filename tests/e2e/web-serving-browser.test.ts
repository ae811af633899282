import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { ApiHarness } from '../support/api-harness';
import { seedWard } from '../reliability/support/fuzz-ward';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A stand-in build: a same-origin module script and an inline one that the policy must stop. */
function fakeWebBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'pdca-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html lang="ja"><head><title>t</title><script type="module" src="/assets/app-3f9a1c.js"></script></head><body><script>document.body.dataset.inline = "ran"</script></body></html>',
  );
  writeFileSync(join(dist, 'assets', 'app-3f9a1c.js'), 'document.body.dataset.app = "ran";\n');
  return dist;
}

/** The security headers as a browser enforces them: the pages still work, inline script does not run. */
describe('security headers in a real browser', () => {
  let dist: string;
  let api: ApiHarness;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    dist = fakeWebBuild();
    api = await ApiHarness.start(
      [
        { username: 'kikaku', role: 'planning_office' },
        { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
        { username: 'iin', role: 'council_member' },
      ],
      { env: { WEB_DIST_DIR: dist } },
    );
    await seedWard(api);
    await api.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  /** Opens a page and collects what the browser refused under the Content-Security-Policy. */
  async function open(path: string): Promise<{ page: Page; refused: string[] }> {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    return { page, refused };
  }

  it("runs the app's own script and refuses inline script on a web route", async () => {
    const { page, refused } = await open('/cycles/2025/inbox');
    // Strings, not functions: they run in the page, and this project compiles without the DOM's types.
    await page.waitForFunction('document.body.dataset.app === "ran"');
    expect(await page.evaluate('document.body.dataset.inline')).toBeUndefined();
    expect(refused.join('\n')).toMatch(/inline script/i);
  });

  it('shows the report HTML with its styles and nothing refused', async () => {
    const { page, refused } = await open('/public/wards/nerima/reports/2021?format=html');
    expect(await page.locator('body').innerText()).toContain('練馬区');
    expect(await page.evaluate('getComputedStyle(document.querySelector("table")).borderCollapse')).toBe('collapse');
    expect(refused).toEqual([]);
  });

  it('keeps Swagger UI working at /docs', async () => {
    const { page, refused } = await open('/docs');
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 10_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(40);
    expect(refused).toEqual([]);
  });
});

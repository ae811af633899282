import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiHarness, PASSWORD, TestUser } from '../../support/api-harness';
import { KPIS, PILLARS, PLANS, PROJECTS, SECTIONS } from '../../support/sample-ward';
import { launchChromium } from './browser';
import { ensureWebBuild, WEB_DIST } from './web-build';

export const WARD = '/wards/nerima';
/** A current fiscal year with its deadline ahead, so items are "due" rather than late. */
export const FY = 2026;
export const CYCLE = `${WARD}/cycles/${FY}`;

type WebUser = TestUser & { displayName: string };
export const WEB_USERS: WebUser[] = [
  { username: 'kikaku', role: 'planning_office', displayName: '企画 太郎' },
  { username: 'iin', role: 'council_member', displayName: '委員 一郎' },
  { username: 'kansa', role: 'auditor', displayName: '監査 花子' },
  ...SECTIONS.map((s) => ({
    username: `staff-${s.sectionId}`,
    role: 'section_staff' as const,
    sectionId: s.sectionId,
    displayName: `${s.name} 職員`,
  })),
];

const LONG_TERM = new Set(['P21', 'P22']);

/** The sample ward through the HTTP API, as the planning office would enter it, and an open cycle. */
async function seed(api: ApiHarness): Promise<void> {
  const kikaku = await api.as('kikaku');
  const ok = async (request: PromiseLike<{ status: number; body: unknown }>) => {
    const response = await request;
    if (response.status >= 300) throw new Error(`seed failed: ${response.status} ${JSON.stringify(response.body)}`);
  };
  for (const section of SECTIONS) await ok(kikaku.post(`${WARD}/catalogue/sections`, section));
  for (const pillar of PILLARS) await ok(kikaku.post(`${WARD}/catalogue/pillars`, pillar));
  for (const plan of PLANS) await ok(kikaku.post(`${WARD}/catalogue/plans`, plan));
  for (const project of PROJECTS) {
    await ok(
      kikaku.post(`${WARD}/catalogue/projects`, {
        projectId: project.projectId,
        name: project.name,
        sectionId: project.sectionId,
        notSuitedForShortTermEvaluation: LONG_TERM.has(project.projectId),
        home: { planId: project.planId, sectionNo: project.sectionNo, sectionTitle: '保育サービスの充実' },
      }),
    );
    await ok(
      kikaku.put(`${WARD}/catalogue/projects/${project.projectId}/annual-plans/${FY}`, {
        target: '計206所（定員17,341人）',
        statusAtPreviousYearEnd: '計197所（定員16,856人）',
        planned: project.grade === '-' ? '—' : '9所（定員485人）の整備',
      }),
    );
  }
  for (const kpi of KPIS) {
    const { actual: _actual, ...entry } = kpi;
    await ok(kikaku.post(`${WARD}/catalogue/kpis`, entry));
  }
  await ok(kikaku.post(CYCLE, { scheme: 'nerima', deadline: `${FY + 1}-05-31` }));
}

/** The real API (in process, on a real port, serving the built web app), seeded, and one Chromium. */
export class WebWorld {
  /** Uncaught errors of any page (a screen that crashed); each test file expects none. */
  readonly pageErrors: string[] = [];

  private constructor(
    readonly api: ApiHarness,
    readonly baseUrl: string,
    readonly browser: Browser,
  ) {}

  /** `store`: a data directory that already holds the ward (e.g. the demo ward), used as it is instead of seeding. */
  static async start(options: { store?: string } = {}): Promise<WebWorld> {
    ensureWebBuild();
    const api = await ApiHarness.start(WEB_USERS, {
      dir: options.store,
      env: { WEB_DIST_DIR: WEB_DIST, DEMO_WARD: 'false' },
    });
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    if (!options.store) await seed(api);
    const browser = await launchChromium();
    return new WebWorld(api, `http://127.0.0.1:${port}`, browser);
  }

  /** A fresh browser context (its own cookies), Japanese, in Japan time. */
  async context(): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1280, height: 900 },
    });
    context.on('weberror', (error) => this.pageErrors.push(`${error.page()?.url()}: ${error.error().message}`));
    return context;
  }

  /** Signs in through the page itself (as a person would); lands on `next`. */
  async signIn(page: Page, username: string, next = '/'): Promise<void> {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.api.stop();
  }
}

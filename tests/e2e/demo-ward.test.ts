import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEnvironment } from '@pdca/platform';
import { loadDemoWard } from '../../apps/cli/src/demo/load-demo-ward';
import { DEMO_SECTIONS } from '../../apps/cli/src/demo/demo-people';
import { demoData, demoFiles } from '../../apps/cli/src/demo/demo-fixtures';
import { ApiHarness, TestUser } from '../support/api-harness';

const TODAY = '2026-12-06';
const OPEN_FY = 2025;
const { submittedEverything, late, returned } = DEMO_SECTIONS;
const USERS: TestUser[] = [
  { username: 'kikaku', role: 'planning_office' },
  { username: 'iin', role: 'council_member' },
  ...Object.values(DEMO_SECTIONS).map(({ username, sectionId }) => ({
    username,
    role: 'section_staff' as const,
    sectionId,
  })),
];
const environmentFor = (dir: string, extra: Record<string, string> = {}) =>
  validateEnvironment({ DATA_DIR: dir, JWT_SECRET: 's'.repeat(40), LOG_LEVEL: 'error', ...extra }, 'cli');

/**
 * `npm run setup` loads the demo ward into an empty store: FY R4 published as the ward published it
 * (seed 002), and an open cycle whose deadline passed a few days ago.
 */
describe('the demo ward', () => {
  let dir: string;
  let api: ApiHarness;
  let milliseconds: number;
  let headPosition: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdca-demo-'));
    const outcome = await loadDemoWard(environmentFor(dir), TODAY);
    if (!outcome.loaded) throw new Error(`not loaded: ${outcome.reason}`);
    milliseconds = outcome.milliseconds;
    headPosition = outcome.headPosition;
    process.stdout.write(`demo ward loaded in ${milliseconds} ms (${outcome.commands} commands)\n`);
    expect(outcome.openFiscalYear).toBe(OPEN_FY);
    api = await ApiHarness.start(USERS, { dir });
  }, 240_000);
  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("publishes FY R4 with the ward's own summary", async () => {
    const report = await api.http.get('/public/wards/nerima/reports/2022').expect(200);
    const rows = report.body.model.summary.rows as Array<{ key: string; count: number }>;
    expect(Object.fromEntries(rows.map((r) => [r.key, r.count]))).toMatchObject({
      'A+': 21,
      A: 284,
      B: 33,
      '*': 34,
      '-': 11,
    });
    expect(report.body.model.summary.total).toBe(383);
    expect(report.body.publication).toMatchObject({ version: 1, publishedAt: '2023-09-01T01:00:00.000Z' });
  });

  it('has an open cycle whose deadline passed a few days ago, with late, submitted, returned and approved items', async () => {
    const kikaku = await api.as('kikaku');
    const cycle = await kikaku.get(`/wards/nerima/cycles/${OPEN_FY}`).expect(200);
    expect(cycle.body).toMatchObject({ status: 'open', deadline: '2026-12-02T14:59:00.000Z' });
    const items = (await kikaku.get(`/wards/nerima/cycles/${OPEN_FY}/items`).expect(200)).body.items as Array<{
      status: string;
      overdue: boolean;
    }>;
    expect(items).toHaveLength(503);
    const byStatus = count(items.map((i) => i.status));
    expect(byStatus.returned).toBe(1);
    expect(byStatus.draft).toBeGreaterThan(0);
    process.stdout.write(`open cycle: ${JSON.stringify(byStatus)}\n`);
    for (const status of ['not_started', 'submitted', 'approved']) expect(byStatus[status]).toBeGreaterThan(20);
    expect(items.filter((i) => i.status === 'not_started').every((i) => i.overdue)).toBe(true);
  });

  it('gives each named section its situation in its inbox', async () => {
    const inbox = async (username: string) =>
      (await (await api.as(username)).get(`/wards/nerima/cycles/${OPEN_FY}/inbox`).expect(200)).body;
    const everything = await inbox(submittedEverything.username);
    expect([everything.due, everything.late, everything.returned].map((l: unknown[]) => l.length)).toEqual([0, 0, 0]);
    expect(everything.waitingForReview.length).toBeGreaterThan(0);
    expect(everything.approved.length).toBeGreaterThan(0);
    const behind = await inbox(late.username);
    expect(behind.late.length).toBe(2);
    expect(behind.waitingForReview.length + behind.approved.length).toBe(0);
    const sentBack = await inbox(returned.username);
    expect(sentBack.returned).toHaveLength(1);
    expect(sentBack.approved.length).toBeGreaterThan(0);
    const item = sentBack.returned[0] as { kind: string; itemId: string };
    const history = (
      await (
        await api.as(returned.username)
      )
        .get(`/wards/nerima/cycles/${OPEN_FY}/${item.kind}s/${item.itemId}/history`)
        .expect(200)
    ).body.history;
    // Dated as data: submitted before the deadline by the section, returned two days before "today" by the council.
    expect(
      history.map((e: { event: string; at: string; actor: string }) => [e.event, e.at.slice(0, 10), e.actor]),
    ).toEqual([
      ['ActualSubmitted', expect.stringMatching(/^2026-1[01]-/), returned.username],
      ['ItemRated', expect.stringMatching(/^2026-1[01]-/), returned.username],
      ['SubmissionReturned', '2026-12-04', 'iin'],
    ]);
  });

  it('has a development user for every role and for each named section of the demo', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DEV_USERS } = require('../../infra/scripts/setup.js') as {
      DEV_USERS: Array<{ username: string; role: string; sectionId?: string; tries: string }>;
    };
    const { sectionOrder } = await demoData(demoFiles());
    for (const { username, sectionId } of Object.values(DEMO_SECTIONS)) {
      expect(DEV_USERS).toContainEqual(expect.objectContaining({ username, role: 'section_staff', sectionId }));
      expect(sectionOrder).toContain(sectionId);
    }
    expect(new Set(DEV_USERS.map((u) => u.role))).toEqual(
      new Set(['planning_office', 'council_member', 'auditor', 'section_staff', 'operator']),
    );
    expect(DEV_USERS.every((u) => u.tries.length > 10)).toBe(true);
  });

  it('changes nothing when set-up runs again, days later', async () => {
    await api.stop(false);
    try {
      const again = await loadDemoWard(environmentFor(dir), '2027-04-20');
      expect(again).toEqual({ loaded: false, reason: 'already_loaded', headPosition });
    } finally {
      api = await ApiHarness.start(USERS, { dir });
    }
  });

  it('leaves a store that holds anything else alone', async () => {
    const other = mkdtempSync(join(tmpdir(), 'pdca-demo-other-'));
    try {
      const harness = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }], { dir: other });
      await (
        await harness.as('kikaku')
      )
        .post('/wards/nerima/catalogue/sections', { sectionId: 'own', department: '企画部', name: '企画課' })
        .expect((r) => expect(r.status).toBeLessThan(300));
      await harness.stop(false);
      const outcome = await loadDemoWard(environmentFor(other), TODAY);
      expect(outcome).toMatchObject({ loaded: false, reason: 'store_not_empty', headPosition: 1 });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('loads nothing when DEMO_WARD=false, and takes nothing but true or false', async () => {
    expect(() => environmentFor(dir, { DEMO_WARD: 'no' })).toThrow(/DEMO_WARD must be true or false \(got "no"\)/);
    const empty = mkdtempSync(join(tmpdir(), 'pdca-demo-off-'));
    try {
      expect(await loadDemoWard(environmentFor(empty, { DEMO_WARD: 'false' }), TODAY)).toEqual({
        loaded: false,
        reason: 'disabled',
        headPosition: 0,
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

function count(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((all, v) => ({ ...all, [v]: (all[v] ?? 0) + 1 }), {});
}

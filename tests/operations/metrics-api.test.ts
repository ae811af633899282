import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, freePort } from '../bench/support/api-process';
import { FixtureWriter } from '../bench/support/fixture-writer';
import { projectIdOf, sectionOfProject, writeWard } from '../bench/support/synthetic-ward';
import { PASSWORD } from '../bench/support/users';
import { FY, writeOpenWards } from '../reliability/support/fixture-wards';
import { sample, scrape } from './support/scrape';

const WARD = 'met_a';
const SHAPE = { projects: 40, sections: 4 };
const SUBMIT = 'SubmitActual';

/** The API's /metrics on its own port, scraped before and after commands, and readiness by projection lag. */
describe('API metrics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-metrics-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const { usersFile } = writeOpenWards(data, [WARD], SHAPE);
  let api: ApiProcess;
  let metricsUrl = '';

  beforeAll(async () => {
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    api = await ApiProcess.start({
      dataDir: data,
      usersFile,
      env: { METRICS_PORT: String(metricsPort), READY_MAX_PROJECTION_LAG: '100' },
    });
  }, 120_000);

  afterAll(async () => {
    await api?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts commands by type and outcome, times them and the appends, and follows the projection', async () => {
    const before = await scrape(metricsUrl);
    const startedAt = performance.now();
    const commandType = SUBMIT;
    expect(await submit(0, 'metrics-k0')).toBe(200);
    const middle = await scrape(metricsUrl);
    const moved = (text: string) =>
      sample(text, 'pdca_commands_total', { command: commandType, outcome: 'accepted' }) ?? 0;
    expect(moved(middle) - moved(before)).toBe(1);

    for (let i = 1; i <= 4; i++) expect(await submit(i, `metrics-k${i}`)).toBe(200);
    expect(await submit(1, 'metrics-k1')).toBe(200); // the same Idempotency-Key again: a replay
    expect([409, 422]).toContain(await submit(2, 'metrics-k2-again')); // submitted already: refused by the domain
    const after = await scrape(metricsUrl);

    const count = (text: string, outcome: string) =>
      sample(text, 'pdca_commands_total', { command: commandType, outcome }) ?? 0;
    expect(count(after, 'accepted') - count(middle, 'accepted')).toBe(4);
    expect(count(after, 'replayed') - count(middle, 'replayed')).toBe(1);
    expect(
      count(after, 'conflict') + count(after, 'rejected') - count(middle, 'conflict') - count(middle, 'rejected'),
    ).toBe(1);
    const timed = (text: string) =>
      sample(text, 'pdca_command_duration_seconds_count', { command: commandType, outcome: 'accepted' }) ?? 0;
    expect(timed(after) - timed(middle)).toBe(4);
    expect(
      sample(after, 'pdca_command_duration_seconds_bucket', { command: commandType, outcome: 'accepted', le: '+Inf' }),
    ).toBe(count(after, 'accepted'));
    const appends = (text: string) =>
      sample(text, 'pdca_event_store_append_duration_seconds_count', { outcome: 'ok' }) ?? 0;
    expect(appends(after) - appends(middle)).toBeGreaterThanOrEqual(4);
    expect(sample(after, 'pdca_event_store_append_duration_seconds_sum', { outcome: 'ok' })).toBeGreaterThan(0);

    const head = sample(after, 'pdca_event_store_head_position')!;
    expect(head).toBeGreaterThan(sample(before, 'pdca_event_store_head_position')!);
    expect(sample(after, 'pdca_projection_position')).toBe(head); // read-your-writes: projected before the answer
    expect(sample(after, 'pdca_projection_lag_events')).toBe(0);
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(sample(after, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
    // The event loop's busy time grew with the commands, and by no more than the time that passed.
    const busy = (text: string) => sample(text, 'pdca_event_loop_busy_seconds_total')!;
    const elapsed = (performance.now() - startedAt) / 1_000;
    expect(busy(after) - busy(before)).toBeGreaterThan(0);
    expect(busy(after) - busy(before)).toBeLessThanOrEqual(elapsed + 0.05);
  }, 60_000);

  it('is not served on the public port', async () => {
    const response = await fetch(`${api.base}/metrics`);
    expect(await response.text()).not.toContain('pdca_commands_total');
  });

  it('turns not-ready while the read models are more than READY_MAX_PROJECTION_LAG events behind', async () => {
    const ready = await fetch(`${api.base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { details: Record<string, unknown> }).details.projections).toMatchObject({
      status: 'up',
      lag: 0,
      maxLag: 100,
    });

    // Another writer commits thousands of events in one transaction; the API sees them at its next poll and catches up.
    const writer = new FixtureWriter(join(data, 'events.db'), 1_000_000);
    writeWard(writer, {
      wardId: 'met_big',
      projects: 20_000,
      sections: 40,
      kpis: 200,
      fiscalYears: [FY],
      annualPlans: true,
      stage: 'open',
    });
    writer.close();
    const seen: Array<{ status: number; lag: number }> = [];
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      // A kept-alive connection the API closed while this process generated the ward: ask again.
      const response = await fetch(`${api.base}/health/ready`).catch(() => undefined);
      if (!response) continue;
      const body = (await response.json()) as {
        details?: Record<string, { lag: number }>;
        error?: Record<string, { lag: number }>;
        info?: Record<string, { lag: number }>;
      };
      const projections = (body.details ?? body.error ?? body.info)!.projections;
      seen.push({ status: response.status, lag: projections.lag });
      if (response.status === 200 && projections.lag === 0) break;
    }
    const notReady = seen.filter((s) => s.status === 503);
    expect(seen.slice(0, 3)).toEqual(expect.arrayContaining([expect.objectContaining({ status: 503 })]));
    expect(notReady.every((s) => s.lag > 100)).toBe(true);
    expect(seen[seen.length - 1]).toEqual({ status: 200, lag: 0 });
  }, 90_000);

  async function submit(index: number, key: string): Promise<number> {
    const username = `${WARD}.${sectionOfProject(SHAPE, index)}`;
    const token = await api.login(username, PASSWORD);
    const response = await fetch(`${api.base}/wards/${WARD}/cycles/${FY}/projects/${projectIdOf(index)}/submission`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ actual: { text: '実施' }, rating: { scheme: 'nerima', grade: 'A' } }),
    });
    await response.text();
    return response.status;
  }
});

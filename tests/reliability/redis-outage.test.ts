import { CYCLE, KPIS, PROJECTS, ReminderWorld, SECTIONS } from '../reminders/support/reminder-world';
import { waitUntil } from '../reminders/support/wait';

jest.setTimeout(120_000);

const BURST = 300;
const IN_FLIGHT = 8;

/**
 * Redis (a redis-server of this test's own, keeping nothing on disk) is SIGKILLed in the middle of a
 * burst of commands: every command still succeeds, and the reminder that fell due while Redis was away
 * is delivered once to each section that still owes something, after Redis returns empty.
 */
describe('Redis killed during a burst of commands', () => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await ReminderWorld.start({ ownRedis: true });
    await world.openCycle('2023-05-31');
  });
  afterAll(() => world?.stop());

  it('keeps answering every command while Redis dies', async () => {
    const drafts = [
      ...PROJECTS.map((p) => ({
        section: p.sectionId,
        path: `${CYCLE}/projects/${p.projectId}/draft`,
        body: { actual: { text: '下書き' } },
      })),
      ...KPIS.map((k) => ({
        section: k.sectionId,
        path: `${CYCLE}/kpis/${k.kpiId}/draft`,
        body: { actual: { value: '3', asOf: '令和4年度末' } },
      })),
    ].filter((d) => d.section !== 'kouen');
    const statuses: number[] = [];
    let sent = 0;
    let redisDead = false;
    let answeredWithoutRedis = 0;
    const client = async () => {
      while (sent < BURST) {
        const i = sent++;
        if (i === BURST / 3) void world.redis!.kill().then(() => (redisDead = true));
        const draft = drafts[i % drafts.length];
        const staff = await world.api.as(draft.section);
        const wasDead = redisDead;
        statuses.push(
          (
            await staff.put(draft.path, {
              actual: { ...draft.body.actual, ...('text' in draft.body.actual ? { text: `下書き ${i}` } : {}) },
            })
          ).status,
        );
        if (wasDead) answeredWithoutRedis++;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, client));
    await world.submit('kouen', 'project', 'P05-001'); // kouen owes nothing any more
    expect(statuses).toHaveLength(BURST);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(answeredWithoutRedis).toBeGreaterThan(BURST / 3);
    await waitUntil('the worker to notice Redis is gone', async () => (await world.worker.readiness()).status === 503);
    const ready = await world.api.http.get('/health/ready').expect(200);
    expect(ready.body.details.redis).toMatchObject({ reachable: false });
  });

  it('delivers the reminder that fell due meanwhile once to each section that still owes, after Redis returns empty', async () => {
    world.clock.set('2023-05-24T00:00:00Z'); // the "7 days before" reminder falls due while Redis is away
    await world.redis!.restart();
    const mails = await world.smtp.waitForCount(2);
    await world.probe.settled();
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a late duplicate would arrive now
    expect(mails.map((m) => m.rcptTo[0]).sort()).toEqual([SECTIONS.bunka.email, SECTIONS.hoiku.email]);
    expect(world.smtp.received).toHaveLength(2);
    const sent = await world.ledger();
    expect(sent.map((e) => e.type)).toEqual(['ReminderSent', 'ReminderSent']);
    expect(new Set(sent.map((e) => (e.data as { reminderId: string }).reminderId)).size).toBe(2);
  });
});

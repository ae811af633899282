import { ReminderWorld, SECTIONS } from './support/reminder-world';
import { waitUntil } from './support/wait';

jest.setTimeout(120_000);

describe('Redis killed and restarted (it keeps nothing on disk)', () => {
  let world: ReminderWorld;
  beforeAll(async () => {
    world = await ReminderWorld.start({ ownRedis: true });
    await world.openCycle('2023-05-31');
  });
  afterAll(() => world?.stop());

  it('keeps commands working while Redis is away; the worker reports itself not ready', async () => {
    expect(await world.probe.delayedIds()).toContain('occasion~nerima~2022~before~2023-05-24');
    await world.redis!.kill();
    await waitUntil('the worker to notice', async () => (await world.worker.readiness()).status === 503);
    await world.submit('kouen', 'project', 'P05-001');
    const ready = await world.api.http.get('/health/ready').expect(200);
    expect(ready.body.details.redis).toMatchObject({ status: 'up', reachable: false });
  });

  it('sends the reminders that fell due meanwhile once Redis is back, each once, by a worker that recovered by itself', async () => {
    world.clock.set('2023-05-24T00:00:00Z'); // due while Redis is down
    await world.redis!.restart(); // empty: no jobs, no checkpoint
    const mails = await world.smtp.waitForCount(2);
    await world.probe.settled();
    expect(mails.map((m) => m.rcptTo[0]).sort()).toEqual([SECTIONS.bunka.email, SECTIONS.hoiku.email]);
    await waitUntil('the worker to be ready again', async () => (await world.worker.readiness()).status === 200);
    expect(await world.probe.delayedIds()).toContain('occasion~nerima~2022~before~2023-05-30'); // the schedule is back

    await world.at('2023-05-30T00:00:00Z');
    expect(world.smtp.received).toHaveLength(4);
    const ids = world.smtp.received.map((mail) => /督促番号: (\S+)/.exec(mail.text)![1]);
    expect(new Set(ids).size).toBe(4);
  });

  it('has a ledger that matches what the SMTP server received', async () => {
    const recorded = (await world.ledger())
      .map((e) => `${(e.data as { messageId: string }).messageId} ${[...e.data.recipients].sort().join(',')}`)
      .sort();
    const received = world.smtp.received.map((m) => `${m.messageId} ${[...m.rcptTo].sort().join(',')}`).sort();
    expect(recorded).toEqual(received);
  });

  it('shuts down promptly while Redis is away (a deaf BullMQ worker is dropped, not waited for)', async () => {
    await world.redis!.kill();
    await waitUntil('the worker to notice', async () => (await world.worker.readiness()).status === 503);
    const started = Date.now();
    await world.worker.stop();
    expect(Date.now() - started).toBeLessThan(8_000);
    await world.redis!.restart();
  });
});

import { scheduleReminders, wardOfficeHolidays } from '@pdca/reminders';
import { DEFAULT_REMINDER_POLICY } from '@pdca/review';
import { occasionJobId } from '../../apps/worker/src/reminders/queue/reminder-jobs';
import { CYCLE, MACHINE_REDIS, ReminderWorld, SECTIONS } from './support/reminder-world';
import { WorkerHarness } from './support/worker-harness';

jest.setTimeout(90_000);

/**
 * Scaling out: a second worker process on the same store and queue. Both schedule every cycle (the
 * deterministic job ids make the second scheduling a no-op), either may fire an occasion or send,
 * and still every section gets each reminder once and the ledger records it once.
 */
describe('two workers side by side', () => {
  let world: ReminderWorld;
  let second: WorkerHarness;

  beforeAll(async () => {
    world = await ReminderWorld.start();
    second = await WorkerHarness.start({
      dir: world.api.dir,
      clock: world.clock,
      queue: world.queueName,
      redisUrl: MACHINE_REDIS,
      smtpUrl: world.smtp.url,
    });
    await world.openCycle('2023-05-31');
    await second.scheduled(() => world.store.headPosition());
  });
  afterAll(async () => {
    await second?.stop();
    await world?.stop();
  });

  it("schedules exactly the policy's occasions although both workers schedule the cycle", async () => {
    const policy = scheduleReminders(
      { wardId: 'nerima', fiscalYear: 2022 },
      DEFAULT_REMINDER_POLICY,
      '2023-05-31T14:59:59.999Z',
      world.clock.now(),
      wardOfficeHolidays,
    );
    expect((await world.probe.delayedIds()).sort()).toEqual(
      policy.map((occasion) => occasionJobId(occasion.occasionId)).sort(),
    );
  });

  it('sends each late section one e-mail per occasion and records each once', async () => {
    await world.at('2023-05-24T00:00:00Z');
    await world.at('2023-05-30T00:00:00Z');
    const sections = Object.values(SECTIONS);
    for (const section of sections) expect(world.smtp.to(section.email)).toHaveLength(2);
    expect(world.smtp.received).toHaveLength(2 * sections.length);
    expect(new Set(world.smtp.received.map((m) => m.messageId)).size).toBe(2 * sections.length);
    const ledger = await world.ledger();
    expect(ledger.map((e) => e.type)).toEqual(Array(2 * sections.length).fill('ReminderSent'));
    expect(new Set(ledger.map((e) => (e.data as { reminderId: string }).reminderId)).size).toBe(2 * sections.length);
  });

  it('sends a one-off reminder once to each chosen section although both workers push the request', async () => {
    const before = world.smtp.received.length;
    const { body } = await (
      await world.api.as('kikaku')
    )
      .post(`${CYCLE}/reminders`, { sectionIds: ['hoiku', 'kouen'] })
      .expect(202);
    await world.scheduled();
    await second.scheduled(() => world.store.headPosition());
    await world.probe.settled();
    expect(
      world.smtp.received
        .slice(before)
        .map((m) => m.rcptTo[0])
        .sort(),
    ).toEqual([SECTIONS.hoiku.email, SECTIONS.kouen.email].sort());
    const oneOffs = (await world.ledger()).filter((e) => e.data.kind === 'one-off');
    expect(oneOffs.map((e) => e.data.occasionId)).toEqual([
      `nerima:2022:one-off:${body.requestId}`,
      `nerima:2022:one-off:${body.requestId}`,
    ]);
  });
});

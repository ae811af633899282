import { sendGroupJobId } from '../../apps/worker/src/reminders/queue/reminder-jobs';
import { ReminderWorld, SECTIONS } from './support/reminder-world';
import { waitUntil } from './support/wait';

jest.setTimeout(120_000);

/** Each reminder id (occasion × section) must reach the SMTP server exactly once. */
function expectEachReminderOnce(world: ReminderWorld): void {
  const ids = world.smtp.received.map((mail) => /督促番号: (\S+)/.exec(mail.text)![1]);
  expect(ids.length).toBe(new Set(ids).size);
}

describe('worker restarts, replays and rebuilds mid-schedule', () => {
  let world: ReminderWorld;
  beforeAll(async () => {
    world = await ReminderWorld.start();
    await world.openCycle('2023-05-31');
  });
  afterAll(() => world?.stop());

  it('is restarted while an occasion is going out: the new worker finishes it, each section once', async () => {
    world.clock.set('2023-05-24T00:00:00Z');
    await world.probe.promoteDue(world.clock);
    await waitUntil('the first e-mail', () => world.smtp.received.length >= 1);
    await world.restartWorker();
    await world.probe.settled();
    expect(world.smtp.received).toHaveLength(3);
    expectEachReminderOnce(world);
  });

  it('is down for days: a new worker process picks up the schedule where the first left it', async () => {
    await world.worker.stop();
    await world.submit('hoiku', 'project', 'P01-011');
    await world.submit('hoiku', 'project', 'P01-012');
    await world.submit('hoiku', 'kpi', 'K01-01');
    world.clock.set('2023-05-30T00:00:00Z');
    await world.startWorker();
    await world.scheduled();

    await world.at('2023-05-30T00:00:00Z');
    expect(
      world.smtp.received
        .slice(3)
        .map((m) => m.rcptTo[0])
        .sort(),
    ).toEqual([SECTIONS.bunka.email, SECTIONS.kouen.email]);
    expectEachReminderOnce(world);
  });

  it('sends nothing again when the same jobs are added again (a replay, a second scheduler)', async () => {
    const sent = world.smtp.received.length;
    await world.probe.queue.add(
      'send',
      {
        wardId: 'nerima',
        fiscalYear: 2022,
        occasionId: 'nerima:2022:before:2023-05-30',
        dueAt: '2023-05-30T00:00:00.000Z',
        sectionId: 'kouen',
      } as never,
      { jobId: 'replayed-send' },
    );
    await world.probe.settled();
    expect((await world.probe.queue.getJob('replayed-send'))?.returnvalue).toEqual({ outcome: 'already_recorded' });
    expect(world.smtp.received).toHaveLength(sent);
  });

  it('rebuilds the whole schedule from the events when the queue is wiped, without sending anything twice', async () => {
    const sent = world.smtp.received.length;
    await world.probe.wipe(); // jobs and checkpoint gone, as after a Redis restart without persistence
    await waitUntil('the worker to notice and re-create the schedule', async () =>
      (await world.probe.delayedIds()).includes('occasion~nerima~2022~on-day~2023-05-31'),
    );
    await world.scheduled();
    await world.probe.settled(); // the past occasions were re-added as due: judged superseded or already in the ledger
    expect(world.smtp.received).toHaveLength(sent);
    const outcomes = (await world.probe.jobs('completed')).map((job) => [
      job.id,
      job.returnvalue?.outcome ?? job.returnvalue,
    ]);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        ['occasion~nerima~2022~before~2023-05-24', 'superseded'],
        [
          sendGroupJobId('nerima:2022:before:2023-05-30', ['bunka', 'kouen']),
          { outcomes: { bunka: { outcome: 'already_recorded' }, kouen: { outcome: 'already_recorded' } } },
        ],
      ]),
    );

    await world.at('2023-05-31T00:00:00Z');
    expect(
      world.smtp.received
        .slice(sent)
        .map((m) => m.rcptTo[0])
        .sort(),
    ).toEqual([SECTIONS.bunka.email, SECTIONS.kouen.email]);
    expectEachReminderOnce(world);
    expect((await world.ledger()).length).toBe(world.smtp.received.length);
  });
});

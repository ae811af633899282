import { ReminderWorld, SECTIONS } from './support/reminder-world';

jest.setTimeout(90_000);

describe('deadline extension and closing', () => {
  let world: ReminderWorld;
  beforeAll(async () => {
    world = await ReminderWorld.start();
    await world.openCycle('2023-05-31');
  });
  afterAll(() => world?.stop());

  it('takes out the pending jobs of the old deadline and schedules the new one', async () => {
    world.clock.set('2023-05-20T03:00:00Z');
    await world.extendDeadline('2023-06-15');
    const ids = await world.probe.delayedIds();
    expect(
      ids.filter((id) => id.endsWith('2023-05-24') || id.endsWith('2023-05-31') || id.endsWith('2023-06-05')),
    ).toEqual([]);
    expect(ids).toEqual(
      expect.arrayContaining([
        'occasion~nerima~2022~before~2023-06-08',
        'occasion~nerima~2022~before~2023-06-14',
        'occasion~nerima~2022~on-day~2023-06-15',
      ]),
    );
  });

  it('sends nothing on the days of the old schedule, even when an old job comes back', async () => {
    await world.probe.queue.add(
      'occasion',
      {
        wardId: 'nerima',
        fiscalYear: 2022,
        occasionId: 'nerima:2022:before:2023-05-24',
        dueAt: '2023-05-24T00:00:00.000Z',
      } as never,
      { jobId: 'stale-old-schedule' },
    );
    expect(await world.at('2023-05-24T00:00:00Z')).toEqual([]);
    await world.at('2023-06-01T00:00:00Z');
    expect(world.smtp.received).toEqual([]);
    const stale = await world.probe.queue.getJob('stale-old-schedule');
    expect(stale?.returnvalue).toEqual({ outcome: 'not_scheduled' });
  });

  it('fires the new schedule with the new deadline', async () => {
    await world.submit('kouen', 'project', 'P05-001');
    await world.at('2023-06-08T00:00:00Z');
    expect(world.smtp.received.map((m) => m.rcptTo[0]).sort()).toEqual([SECTIONS.bunka.email, SECTIONS.hoiku.email]);
    expect(world.smtp.received[0].text).toContain('提出期限: 令和5年6月15日（2023年6月15日）');
    expect(world.smtp.received[0].text).toContain('提出期限まであと7日です。');
  });

  it('cancels everything pending when the cycle is closed', async () => {
    world.clock.set('2023-06-09T00:00:00Z');
    await world.closeCycle();
    expect(await world.probe.delayedIds()).toEqual([]);
    await world.at('2023-07-31T00:00:00Z');
    expect(world.smtp.received).toHaveLength(2);
  });
});

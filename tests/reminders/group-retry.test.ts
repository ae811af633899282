import { sendGroupJobId } from '../../apps/worker/src/reminders/queue/reminder-jobs';
import { ReminderWorld, SECTIONS } from './support/reminder-world';
import { waitUntil } from './support/wait';

jest.setTimeout(90_000);

/**
 * A fan-out goes out in send jobs of a group of sections each. One mailbox failing must neither
 * hold back nor repeat the others of its group: the group job is retried, and the retry sends only
 * to the sections the ledger has no outcome for.
 */
describe('one section of a group refused once', () => {
  let world: ReminderWorld;
  beforeAll(async () => {
    world = await ReminderWorld.start({ tuning: { sendAttempts: 3, backoffMs: 100 } });
    await world.openCycle('2023-05-31');
  });
  afterAll(() => world?.stop());

  it('sends the others at once and the refused one on the retry, each once, all in the ledger', async () => {
    world.smtp.refuseNext.set(SECTIONS.bunka.email, 1);
    world.clock.set('2023-05-24T00:00:00Z');
    await world.probe.promoteDue(world.clock);
    await waitUntil('three reminders in the ledger', async () => (await world.ledger()).length >= 3);
    await world.probe.settled();

    expect(world.smtp.refusedCount).toBe(1);
    const recipients = world.smtp.received.map((mail) => mail.rcptTo[0]);
    expect([...recipients].sort()).toEqual([SECTIONS.bunka.email, SECTIONS.hoiku.email, SECTIONS.kouen.email].sort());
    expect(recipients[2]).toBe(SECTIONS.bunka.email); // after the others: on the group's second try
    const ledger = await world.ledger();
    expect(ledger.map((event) => [event.type, event.data.sectionId]).sort()).toEqual([
      ['ReminderSent', 'bunka'],
      ['ReminderSent', 'hoiku'],
      ['ReminderSent', 'kouen'],
    ]);
    const group = await world.probe.queue.getJob(
      sendGroupJobId('nerima:2022:before:2023-05-24', ['bunka', 'hoiku', 'kouen']),
    );
    expect(group?.attemptsMade).toBe(2);
    expect(group?.returnvalue).toEqual({
      outcomes: {
        bunka: { outcome: 'sent', messageId: expect.stringMatching(/^<[0-9a-f]{32}\.reminder@/) },
        hoiku: { outcome: 'already_recorded' },
        kouen: { outcome: 'already_recorded' },
      },
    });
  });
});

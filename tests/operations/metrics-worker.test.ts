import type { Server } from 'node:http';
import { processMetrics, serveMetrics } from '@pdca/platform';
import { freePort } from '../bench/support/api-process';
import { ReminderWorld } from '../reminders/support/reminder-world';
import { waitUntil } from '../reminders/support/wait';
import { sample, scrape } from './support/scrape';

jest.setTimeout(90_000);

/**
 * The worker's figures: reminder jobs by state and e-mails by outcome, read through the same
 * /metrics listener main.ts opens (here in the test process, where the world's worker runs).
 */
describe('worker metrics', () => {
  let world: ReminderWorld;
  let server: Server;
  let url = '';

  beforeAll(async () => {
    world = await ReminderWorld.start({ tuning: { sendAttempts: 2, backoffMs: 100 } });
    const port = await freePort();
    server = await serveMetrics(processMetrics(), port, '127.0.0.1');
    url = `http://127.0.0.1:${port}/metrics`;
    await world.openCycle('2023-05-31');
  });
  afterAll(async () => {
    server?.close();
    await world?.stop();
  });

  it('counts failed and sent e-mails and shows the queue by state', async () => {
    const before = await scrape(url);
    expect(sample(before, 'pdca_reminder_jobs', { state: 'delayed' })).toBeGreaterThan(0); // the scheduled reminders
    expect(sample(before, 'pdca_reminder_jobs', { state: 'failed' })).toBe(0);
    const emails = (text: string, outcome: string) => sample(text, 'pdca_emails_total', { outcome }) ?? 0;

    world.smtp.refusing = true;
    world.clock.set('2023-05-24T00:00:00Z');
    await world.probe.promoteDue(world.clock);
    await waitUntil('the reminders failed for good', async () => (await world.probe.jobs('failed')).length > 0);
    await world.probe.settled();
    const failed = (await world.probe.jobs('failed')).length;
    const during = await scrape(url);
    expect(sample(during, 'pdca_reminder_jobs', { state: 'failed' })).toBe(failed);
    expect(emails(during, 'failed') - emails(before, 'failed')).toBe(world.smtp.refusedCount);
    expect(emails(during, 'sent')).toBe(emails(before, 'sent'));

    world.smtp.refusing = false;
    await world.at('2023-05-30T00:00:00Z');
    const after = await scrape(url);
    expect(emails(after, 'sent') - emails(during, 'sent')).toBe(world.smtp.received.length);
    expect(world.smtp.received.length).toBeGreaterThan(0);
  });
});

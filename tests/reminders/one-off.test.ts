import { randomUUID } from 'node:crypto';
import { sendGroupJobId } from '../../apps/worker/src/reminders/queue/reminder-jobs';
import { CYCLE, ReminderWorld, SECTIONS } from './support/reminder-world';
import { waitUntil } from './support/wait';

jest.setTimeout(90_000);

const REMINDERS = `${CYCLE}/reminders`;
const itemLines = (text: string) => text.split('\n').filter((line) => line.startsWith('・'));

/**
 * The planning office reminds chosen late sections at once: a fact in the event store, folded by the
 * real worker, sent through the same ledger path as the schedule's reminders (real Redis, real SMTP).
 */
describe('a one-off reminder sent now to chosen late sections', () => {
  let world: ReminderWorld;
  let requestId: string;

  beforeAll(async () => {
    world = await ReminderWorld.start();
    await world.openCycle('2023-05-31');
    await world.submit('kouen', 'project', 'P05-001'); // kouen: everything in
    await world.submit('hoiku', 'project', 'P01-011'); // hoiku: still owes P01-012 and K01-01
    world.clock.set('2023-06-05T01:00:00Z'); // 10:00 in Japan, 5 days overdue; no scheduled occasion is promoted
  });
  afterAll(() => world?.stop());

  it('answers 202 with the request id and sends each chosen section one message listing exactly its items', async () => {
    const kikaku = await world.api.as('kikaku');
    const response = await kikaku
      .post(REMINDERS, { sectionIds: ['hoiku'], note: '区政改革推進会議の資料作成のため、本日中にお願いします。' })
      .expect(202);
    expect(response.body).toMatchObject({
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sectionIds: ['hoiku'],
      replayed: false,
      events: ['OneOffReminderRequested'],
    });
    requestId = response.body.requestId;
    await world.scheduled();
    await world.probe.settled();

    expect(world.smtp.received).toHaveLength(1);
    const [mail] = world.smtp.to(SECTIONS.hoiku.email);
    expect(mail.rcptTo).toEqual([SECTIONS.hoiku.email]);
    expect(mail.subject).toBe('【督促・企画課より】令和4年度 実績報告が未提出です（保育課・期限超過5日）');
    expect(itemLines(mail.text)).toEqual(['・P01-012 病児保育の拡充', '・K01-01 保育所待機児童数']);
    expect(mail.text).toContain('【企画課からの連絡】\n区政改革推進会議の資料作成のため、本日中にお願いします。');
    expect(mail.text).toContain('https://pdca.city.example.jp/cycles/2022/inbox');
    expect(world.smtp.to(SECTIONS.bunka.email)).toEqual([]);
    expect(world.smtp.to(SECTIONS.kouen.email)).toEqual([]);
  });

  it('records the request and the send in the event store, and the ledger counts it like any other reminder', async () => {
    const all = await world.store.readAll();
    const request = all.find((e) => e.type === 'OneOffReminderRequested')!;
    expect(request).toMatchObject({
      stream: 'reminders-nerima-2022',
      data: {
        requestId,
        wardId: 'nerima',
        fiscalYear: 2022,
        sectionIds: ['hoiku'],
        requestedBy: 'kikaku',
        requestedAt: '2023-06-05T01:00:00.000Z',
      },
      metadata: { actor: 'kikaku', role: 'planning_office' },
    });
    const [sent] = await world.ledger();
    expect(sent).toMatchObject({
      type: 'ReminderSent',
      stream: 'reminders-nerima-2022-hoiku',
      metadata: { role: 'reminder_worker' },
      data: {
        kind: 'one-off',
        occasionId: `nerima:2022:one-off:${requestId}`,
        sectionId: 'hoiku',
        escalated: false,
        messageId: world.smtp.received[0].messageId,
      },
    });
    const { body } = await world.ledgerView();
    expect(body.sections.find((s: { sectionId: string }) => s.sectionId === 'hoiku')).toMatchObject({
      reminders: 1,
      sentAt: [(sent.data as { sentAt: string }).sentAt],
      outstanding: 2,
    });
    expect(body.sections.find((s: { sectionId: string }) => s.sectionId === 'bunka')).toMatchObject({ reminders: 0 });
    // Hash-chained like every stream of the ward, so the audit's verification covers the request too.
    expect(request.metadata.hash).toEqual(expect.any(String));
    const verification = await (await world.api.as('kikaku')).get('/wards/nerima/audit/verification').expect(200);
    expect(verification.body).toMatchObject({ intact: true, events: all.length });
  });

  it('refuses a section that owes nothing with 422 naming it, and appends nothing', async () => {
    const head = await world.store.headPosition();
    const kikaku = await world.api.as('kikaku');
    const { body } = await kikaku.post(REMINDERS, { sectionIds: ['bunka', 'kouen'] }).expect(422);
    expect(body).toMatchObject({
      statusCode: 422,
      code: 'NOTHING_OUTSTANDING',
      field: 'sectionIds',
      details: { sectionIds: ['kouen'] },
    });
    expect(body.message.ja).toContain('公園緑地課');
    const unknown = await kikaku.post(REMINDERS, { sectionIds: ['toshi'] }).expect(422);
    expect(unknown.body).toMatchObject({
      code: 'UNKNOWN_SECTION',
      field: 'sectionIds',
      details: { sectionIds: ['toshi'] },
    });
    await kikaku.post(REMINDERS, { sectionIds: [] }).expect(400);
    expect(await world.store.headPosition()).toBe(head);
  });

  it('is not for section staff: 403', async () => {
    const hoiku = await world.api.as('hoiku');
    const { body } = await hoiku.post(REMINDERS, { sectionIds: ['hoiku'] }).expect(403);
    expect(body.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('sends once when the same request is retried with its Idempotency-Key', async () => {
    const kikaku = await world.api.as('kikaku');
    const key = randomUUID();
    const first = await kikaku
      .post(REMINDERS, { sectionIds: ['bunka'] })
      .set('Idempotency-Key', key)
      .expect(202);
    await world.scheduled();
    await world.probe.settled();
    const retry = await kikaku
      .post(REMINDERS, { sectionIds: ['bunka'] })
      .set('Idempotency-Key', key)
      .expect(202);
    expect(retry.body).toMatchObject({ requestId: first.body.requestId, replayed: true });
    await world.scheduled();
    await world.probe.settled();
    expect(world.smtp.to(SECTIONS.bunka.email)).toHaveLength(1);
    expect(itemLines(world.smtp.to(SECTIONS.bunka.email)[0].text)).toEqual([
      '・P09-003 文化芸術活動の支援',
      '・K09-01 文化施設の年間利用者数',
    ]);
    expect((await world.store.readAll()).filter((e) => e.type === 'OneOffReminderRequested')).toHaveLength(2);
  });

  it('is pushed again when Redis loses the queue, and the ledger keeps it from going out twice', async () => {
    const sent = world.smtp.received.length;
    await world.probe.wipe(); // jobs and checkpoint gone, as after a Redis restart without persistence
    const jobId = `occasion~nerima~2022~one-off~${requestId}`;
    await waitUntil(
      'the worker to push the request again',
      async () => (await world.probe.queue.getJob(jobId)) !== undefined,
    );
    await world.scheduled();
    await world.probe.settled();
    const group = await world.probe.queue.getJob(sendGroupJobId(`nerima:2022:one-off:${requestId}`, ['hoiku']));
    expect(group?.returnvalue).toEqual({ outcomes: { hoiku: { outcome: 'already_recorded' } } });
    // Only the schedule's own occasion that fell due meanwhile (never promoted here) speaks now; no one-off again.
    expect(world.smtp.received.slice(sent).map((m) => m.subject)).toEqual(
      expect.not.arrayContaining([expect.stringContaining('企画課より')]),
    );
    const ids = world.smtp.received.map((mail) => /督促番号: (\S+)/.exec(mail.text)![1]);
    expect(ids.filter((id) => id.includes(':one-off:'))).toHaveLength(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets a request expire unsent when the worker comes back more than a day later', async () => {
    await world.worker.stop();
    const kikaku = await world.api.as('kikaku');
    const { body } = await kikaku.post(REMINDERS, { sectionIds: ['bunka'] }).expect(202);
    world.clock.set('2023-06-06T01:00:00.001Z'); // 24 hours and a millisecond after the request
    const sent = world.smtp.received.length;
    await world.startWorker();
    await world.scheduled();
    await world.probe.settled();
    expect(world.smtp.received).toHaveLength(sent);
    expect(await world.probe.queue.getJob(`occasion~nerima~2022~one-off~${body.requestId}`)).toBeUndefined();
  });

  it('sends nothing for a request of a cycle closed before the worker got to it', async () => {
    await world.worker.stop();
    const kikaku = await world.api.as('kikaku');
    await kikaku.post(REMINDERS, { sectionIds: ['hoiku', 'bunka'] }).expect(202);
    await kikaku.post(`${CYCLE}/closing`, { confirmOutstanding: true }).expect(200);
    const sent = world.smtp.received.length;
    await world.startWorker();
    await world.scheduled();
    await world.probe.settled();
    expect(world.smtp.received).toHaveLength(sent);
    expect((await kikaku.post(REMINDERS, { sectionIds: ['hoiku'] }).expect(409)).body.code).toBe('CYCLE_STATUS');
  });
});

import { PLANNING_OFFICE_EMAIL } from './support/worker-harness';
import { CYCLE, ReminderWorld, SectionId, SECTIONS } from './support/reminder-world';

jest.setTimeout(90_000);

describe('reminders to late sections', () => {
  let world: ReminderWorld;
  beforeAll(async () => {
    world = await ReminderWorld.start();
  });
  afterAll(() => world?.stop());

  it('schedules the policy when the cycle opens: delayed jobs with deterministic ids', async () => {
    await world.openCycle('2023-05-31');
    const ids = await world.probe.delayedIds();
    expect(ids).toEqual(
      expect.arrayContaining([
        'occasion~nerima~2022~before~2023-05-24',
        'occasion~nerima~2022~before~2023-05-30',
        'occasion~nerima~2022~on-day~2023-05-31',
        'occasion~nerima~2022~overdue~2023-06-05',
        'occasion~nerima~2022~escalation~2023-06-09',
      ]),
    );
    const jobs = await world.probe.jobs('delayed');
    expect(Object.keys(jobs[0].data).sort()).toEqual(['dueAt', 'fiscalYear', 'occasionId', 'wardId']);
  });

  it('reminds only sections that still owe something, each with exactly its own missing items', async () => {
    await world.submit('kouen', 'project', 'P05-001'); // kouen: everything in
    await world.submit('hoiku', 'project', 'P01-011'); // hoiku: one of three
    await world.at('2023-05-24T00:00:00Z'); // 09:00 in Japan, 7 days before
    expect(world.smtp.received).toHaveLength(2);
    expect(world.smtp.to(SECTIONS.kouen.email)).toEqual([]);

    const [hoiku] = world.smtp.to(SECTIONS.hoiku.email);
    expect(hoiku.rcptTo).toEqual([SECTIONS.hoiku.email]);
    expect(hoiku.subject).toBe('【提出依頼】令和4年度 実績報告の提出期限が近づいています（保育課・あと7日）');
    expect(hoiku.text).toContain('こども家庭部 保育課 御中');
    expect(hoiku.text).toContain('提出期限: 令和5年5月31日（2023年5月31日）');
    expect(itemLines(hoiku.text)).toEqual(['・P01-012 病児保育の拡充', '・K01-01 保育所待機児童数']);
    expect(hoiku.text).toContain('https://pdca.city.example.jp/cycles/2022/inbox');

    const [bunka] = world.smtp.to(SECTIONS.bunka.email);
    expect(itemLines(bunka.text)).toEqual(['・P09-003 文化芸術活動の支援', '・K09-01 文化施設の年間利用者数']);
  });

  it('escalates to the section, its head and the planning office, and only the newest due occasion speaks', async () => {
    world.clock.set('2023-06-02T01:00:00Z');
    await world.submit('hoiku', 'kpi', 'K01-01'); // late, still owes P01-012
    const promoted = await world.at('2023-06-09T00:00:00Z'); // 9 days overdue; 05-30 … 06-06 are due too
    expect(promoted).toHaveLength(5);
    const escalations = world.smtp.received.slice(2);
    expect(escalations).toHaveLength(2);
    for (const section of [SECTIONS.hoiku, SECTIONS.bunka]) {
      const [mail] = escalations.filter((m) => m.rcptTo.includes(section.email));
      expect(mail.rcptTo.sort()).toEqual([section.email, section.headEmail, PLANNING_OFFICE_EMAIL].sort());
      expect(mail.cc).toContain(section.headEmail);
      expect(mail.subject).toBe(`【至急・督促】令和4年度 実績報告が未提出です（${section.name}・期限超過9日）`);
      expect(mail.text).toContain('このメールは課長および企画課にも送付しています。');
    }
    expect(itemLines(escalations.find((m) => m.rcptTo.includes(SECTIONS.hoiku.email))!.text)).toEqual([
      '・P01-012 病児保育の拡充',
    ]);
  });

  it('keeps a ledger in the event store that matches what the SMTP server received', async () => {
    const ledger = await world.ledger();
    expect(ledger.map((e) => e.type)).toEqual(['ReminderSent', 'ReminderSent', 'ReminderSent', 'ReminderSent']);
    const received = world.smtp.received
      .map((m) => ({ messageId: m.messageId, recipients: [...m.rcptTo].sort() }))
      .sort(byId);
    const recorded = ledger
      .map((e) => ({
        messageId: (e.data as { messageId: string }).messageId,
        recipients: [...e.data.recipients].sort(),
      }))
      .sort(byId);
    expect(recorded).toEqual(received);
    expect(ledger.every((e) => e.metadata.role === 'reminder_worker')).toBe(true);
    expect(await world.ledgerRows()).toEqual([
      expect.objectContaining({ sectionId: 'bunka', reminders: 2, escalations: 1, failures: 0 }),
      expect.objectContaining({
        sectionId: 'hoiku',
        reminders: 2,
        escalations: 1,
        failures: 0,
        firstLateSubmissionAt: expect.stringMatching(/^2023-06-02/),
        daysLate: 2,
      }),
    ]);
  });

  it('shows the planning office the ledger per section, the punctual section included, as JSON and CSV', async () => {
    const { body } = await world.ledgerView();
    expect(body).toMatchObject({ wardId: 'nerima', fiscalYear: 2022, deadline: '2023-05-31T14:59:59.999Z' });
    const sentAt = (section: string) =>
      world
        .ledger()
        .then((events) =>
          events.filter((e) => e.data.sectionId === section).map((e) => (e.data as { sentAt: string }).sentAt),
        );
    expect(body.sections).toEqual([
      {
        sectionId: 'bunka',
        department: '地域文化部',
        sectionName: '文化・生涯学習課',
        items: 2,
        outstanding: 2,
        reminders: 2,
        sentAt: await sentAt('bunka'),
        escalations: 1,
        failures: 0,
      },
      {
        sectionId: 'hoiku',
        department: 'こども家庭部',
        sectionName: '保育課',
        items: 3,
        outstanding: 1,
        reminders: 2,
        sentAt: await sentAt('hoiku'),
        escalations: 1,
        failures: 0,
        firstLateSubmissionAt: expect.stringMatching(/^2023-06-02/),
        daysLate: 2,
      },
      {
        sectionId: 'kouen',
        department: '土木部',
        sectionName: '公園緑地課',
        items: 1,
        outstanding: 0,
        reminders: 0,
        sentAt: [],
        escalations: 0,
        failures: 0,
      },
    ]);
    // The ledger counts what the SMTP server received, per section.
    for (const section of body.sections as Array<{ sectionId: SectionId; reminders: number }>) {
      expect(world.smtp.to(SECTIONS[section.sectionId].email)).toHaveLength(section.reminders);
    }
    const csv = (await world.ledgerView('csv')).text;
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFF"課ID","部","課","対象件数","未提出件数","督促回数","督促日時","うちエスカレーション","送信失敗","期限後の初回提出","遅延日数"',
    );
    expect(csv).toContain('"hoiku","こども家庭部","保育課","3","1","2"');
  });

  it('keeps the ledger from sections: their staff get 403', async () => {
    const hoiku = await world.api.as('hoiku');
    await hoiku.get(`${CYCLE}/reminder-ledger`).expect(403);
  });
});

const itemLines = (text: string) => text.split('\n').filter((line) => line.startsWith('・'));
const byId = (a: { messageId: string }, b: { messageId: string }) => a.messageId.localeCompare(b.messageId);

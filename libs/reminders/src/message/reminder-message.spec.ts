import { inboxUrlOf, renderReminderMessage, ReminderMessageInput } from './reminder-message';

const base: ReminderMessageInput = {
  occasion: { kind: 'overdue', daysOverdue: 5 },
  reminderId: 'nerima:2022:overdue:2023-06-05:hoiku',
  fiscalYear: 2022,
  deadline: '2023-05-31T14:59:59.999Z',
  section: { department: 'こども家庭部', name: '保育課' },
  missing: [
    { kind: 'project', itemId: 'P01-011', name: '認可保育所の整備' },
    { kind: 'kpi', itemId: 'K01-01', name: '待機児童数', returned: true },
  ],
  inboxUrl: inboxUrlOf('http://localhost:3000/', 2022),
};

describe('reminder message', () => {
  it('names the section, the deadline in 和暦 and Western form, exactly the missing items and the inbox', () => {
    const { subject, text } = renderReminderMessage(base);
    expect(subject).toBe('【督促】令和4年度 実績報告が未提出です（保育課・期限超過5日）');
    expect(text).toContain('こども家庭部 保育課 御中');
    expect(text).toContain('令和4年度（2022年度）の取組・指標の実績報告について、次の2件が未提出です。');
    expect(text).toContain('提出期限: 令和5年5月31日（2023年5月31日）');
    expect(text).toContain('提出期限を5日過ぎています。');
    expect(text).toContain(
      '■ 取組（1件）\n・P01-011 認可保育所の整備\n■ 指標（1件）\n・K01-01 待機児童数（差戻し・再提出が必要）',
    );
    expect(text).toContain('提出は次の受信箱からお願いします。\nhttp://localhost:3000/cycles/2022/inbox\n');
    expect(text).not.toContain('課長');
    expect(text).not.toContain('企画課からの連絡');
  });

  it("links to the web app's inbox page of the fiscal year, whatever the base address ends with", () => {
    expect(inboxUrlOf('https://pdca.city.example.jp', 2023)).toBe('https://pdca.city.example.jp/cycles/2023/inbox');
    expect(inboxUrlOf('https://city.example.jp/pdca//', 2023)).toBe('https://city.example.jp/pdca/cycles/2023/inbox');
  });

  it("marks a one-off reminder as the planning office's and prints its note", () => {
    const { subject, text } = renderReminderMessage({
      ...base,
      occasion: { kind: 'one-off', daysOverdue: 5 },
      note: '議会資料の作成に必要です。\n本日中にお願いします。',
    });
    expect(subject).toBe('【督促・企画課より】令和4年度 実績報告が未提出です（保育課・期限超過5日）');
    expect(text).toContain(
      '提出期限を5日過ぎています。\n\n【企画課からの連絡】\n議会資料の作成に必要です。\n本日中にお願いします。\n',
    );
  });

  it('words a one-off reminder before the deadline and on its day by the days left', () => {
    const before = renderReminderMessage({ ...base, occasion: { kind: 'one-off', daysOverdue: -3 } });
    expect(before.subject).toBe('【提出依頼・企画課より】令和4年度 実績報告の提出をお願いします（保育課・あと3日）');
    expect(before.text).toContain('提出期限まであと3日です。');
    const onDay = renderReminderMessage({ ...base, occasion: { kind: 'one-off', daysOverdue: 0 } });
    expect(onDay.subject).toBe('【本日締切・企画課より】令和4年度 実績報告の提出期限は本日です（保育課）');
    expect(onDay.text).toContain('本日が提出期限です。');
  });

  it('counts the days left before the deadline', () => {
    const { subject, text } = renderReminderMessage({ ...base, occasion: { kind: 'before', daysOverdue: -7 } });
    expect(subject).toBe('【提出依頼】令和4年度 実績報告の提出期限が近づいています（保育課・あと7日）');
    expect(text).toContain('提出期限まであと7日です。');
  });

  it('says who else receives an escalation', () => {
    const { subject, text } = renderReminderMessage({
      ...base,
      occasion: { kind: 'escalation', daysOverdue: 9 },
      copiedTo: ['head', 'planning_office'],
    });
    expect(subject).toBe('【至急・督促】令和4年度 実績報告が未提出です（保育課・期限超過9日）');
    expect(text).toContain('（写し: 課長・企画課）');
    expect(text).toContain('このメールは課長および企画課にも送付しています。');
  });
});

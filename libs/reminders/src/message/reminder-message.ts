import { dateLabel, fiscalYearLabel, warekiFiscalYear } from '@pdca/kernel';
import type { MissingItem } from '../ledger/reminder.events';
import type { ReminderOccasion } from '../schedule/occasion';

export interface ReminderMessageInput {
  occasion: Pick<ReminderOccasion, 'kind' | 'daysOverdue'>;
  reminderId: string;
  fiscalYear: number;
  /** ISO instant of the cycle's current deadline. */
  deadline: string;
  section: { department: string; name: string };
  /** Exactly what the section still owes; `returned` marks items the council sent back. */
  missing: (MissingItem & { returned?: boolean })[];
  inboxUrl: string;
  /** Who else receives an escalation, as named in it. */
  copiedTo?: ('head' | 'planning_office')[];
  /** The planning office's own words (one-off reminders). */
  note?: string;
}

export interface ReminderMessage {
  subject: string;
  text: string;
}

/**
 * The section's inbox page in the web app, where the missing items can be submitted. No ward or
 * section in the address: the signed-in user's own are used, and the web app sends someone who is
 * not signed in to `/login?next=/cycles/{fy}/inbox`, then back here.
 */
export const inboxUrlOf = (publicBaseUrl: string, fiscalYear: number) =>
  `${publicBaseUrl.replace(/\/+$/, '')}/cycles/${fiscalYear}/inbox`;

/** A plain-text Japanese message, as ward offices send them: no HTML, deadline in 和暦 and Western form. */
export function renderReminderMessage(input: ReminderMessageInput): ReminderMessage {
  const escalated = input.occasion.kind === 'escalation';
  const copied = (input.copiedTo ?? []).map((who) => COPY_LABELS[who]);
  const lines = [
    `${input.section.department} ${input.section.name} 御中`,
    ...(copied.length > 0 ? [`（写し: ${copied.join('・')}）`] : []),
    '',
    `${fiscalYearLabel(input.fiscalYear)}の取組・指標の実績報告について、次の${input.missing.length}件が未提出です。`,
    `提出期限: ${deadlineLabel(input.deadline)}`,
    timingLine(input.occasion),
    ...noteLines(input.note),
    '',
    ...itemLines(input.missing),
    '',
    '提出は次の受信箱からお願いします。',
    input.inboxUrl,
    ...(escalated ? ['', ...escalationLines(copied)] : []),
    '',
    '――',
    'このメールは総合戦略・アクションプラン進捗管理システムから自動で送信しています。',
    `督促番号: ${input.reminderId}`,
  ];
  return { subject: subjectOf(input), text: `${lines.join('\n')}\n` };
}

/** Intl's era formatting was 2 % of a fan-out's CPU, and every letter of an occasion has the same deadline. */
const deadlineLabels = new Map<string, string>();
function deadlineLabel(deadline: string): string {
  let label = deadlineLabels.get(deadline);
  if (label === undefined) {
    if (deadlineLabels.size >= 1_024) deadlineLabels.clear();
    label = dateLabel(new Date(deadline));
    deadlineLabels.set(deadline, label);
  }
  return label;
}

function subjectOf({ occasion, fiscalYear, section }: ReminderMessageInput): string {
  const year = `${warekiFiscalYear(fiscalYear)} 実績報告`;
  switch (occasion.kind) {
    case 'before':
      return `【提出依頼】${year}の提出期限が近づいています（${section.name}・あと${-occasion.daysOverdue}日）`;
    case 'on-day':
      return `【本日締切】${year}の提出期限は本日です（${section.name}）`;
    case 'overdue':
      return `【督促】${year}が未提出です（${section.name}・期限超過${occasion.daysOverdue}日）`;
    case 'escalation':
      return `【至急・督促】${year}が未提出です（${section.name}・期限超過${occasion.daysOverdue}日）`;
    case 'one-off':
      return oneOffSubject(year, section.name, occasion.daysOverdue);
  }
}

/** Sent by the planning office's hand, and said so: the section knows it was not the schedule. */
function oneOffSubject(year: string, sectionName: string, daysOverdue: number): string {
  if (daysOverdue > 0) return `【督促・企画課より】${year}が未提出です（${sectionName}・期限超過${daysOverdue}日）`;
  if (daysOverdue === 0) return `【本日締切・企画課より】${year}の提出期限は本日です（${sectionName}）`;
  return `【提出依頼・企画課より】${year}の提出をお願いします（${sectionName}・あと${-daysOverdue}日）`;
}

function timingLine({ kind, daysOverdue }: ReminderMessageInput['occasion']): string {
  if (kind === 'before') return `提出期限まであと${-daysOverdue}日です。`;
  if (kind === 'on-day')
    return daysOverdue === 0
      ? '本日が提出期限です。'
      : `提出期限まであと${-daysOverdue}日です（期限当日は閉庁日のため本日お知らせしています）。`;
  if (kind === 'one-off' && daysOverdue <= 0)
    return daysOverdue === 0 ? '本日が提出期限です。' : `提出期限まであと${-daysOverdue}日です。`;
  return `提出期限を${daysOverdue}日過ぎています。`;
}

function noteLines(note: string | undefined): string[] {
  return note?.trim() ? ['', '【企画課からの連絡】', ...note.trim().split(/\r?\n/)] : [];
}

function itemLines(missing: ReminderMessageInput['missing']): string[] {
  const line = (item: ReminderMessageInput['missing'][number]) =>
    `・${item.itemId} ${item.name}${item.returned ? '（差戻し・再提出が必要）' : ''}`;
  const projects = missing.filter((item) => item.kind === 'project');
  const kpis = missing.filter((item) => item.kind === 'kpi');
  return [
    ...(projects.length > 0 ? [`■ 取組（${projects.length}件）`, ...projects.map(line)] : []),
    ...(kpis.length > 0 ? [`■ 指標（${kpis.length}件）`, ...kpis.map(line)] : []),
  ];
}

const COPY_LABELS = { head: '課長', planning_office: '企画課' } as const;

function escalationLines(copied: string[]): string[] {
  const copiedLine = copied.length > 0 ? `このため、このメールは${copied.join('および')}にも送付しています。` : '';
  return [
    '提出期限を大幅に過ぎています。' + copiedLine,
    '至急ご対応いただくか、提出の見込みを企画課までご連絡ください。',
  ];
}

import { tokyoDateTime } from '@pdca/kernel';
import type { ReminderLedgerLine } from '@pdca/projections';
import { CsvColumn, excelCsv } from '../http/excel-csv';

const japanTime = (iso: string | undefined) => (iso ? tokyoDateTime(new Date(iso)) : '');

/** Times in Japan time (2023-05-24 09:00), as the letters, reports and screens print them. */
const COLUMNS: CsvColumn<ReminderLedgerLine>[] = [
  ['課ID', (l) => l.sectionId],
  ['部', (l) => l.department],
  ['課', (l) => l.sectionName],
  ['対象件数', (l) => l.items],
  ['未提出件数', (l) => l.outstanding],
  ['督促回数', (l) => l.reminders],
  ['督促日時', (l) => l.sentAt.map(japanTime).join(' ')],
  ['うちエスカレーション', (l) => l.escalations],
  ['送信失敗', (l) => l.failures],
  ['期限後の初回提出', (l) => japanTime(l.firstLateSubmissionAt)],
  ['遅延日数', (l) => l.daysLate],
];

export const reminderLedgerCsv = (lines: ReminderLedgerLine[]): string => excelCsv(COLUMNS, lines);

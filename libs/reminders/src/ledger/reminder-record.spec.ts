import { failed, failedData, given, sent, sentData } from './reminder-spec-fixtures';

describe('recording a reminder in the ledger', () => {
  it('records nothing the second time: a retried job, a replay or a second worker', () => {
    given([sent])
      .when({ type: 'RecordReminderSent', data: { ...sentData, sentAt: '2023-06-05T00:03:00Z' } })
      .then([]);
  });

  it('keeps one outcome per reminder: a failure after a send, or a send after a final failure, is not recorded', () => {
    given([sent]).when({ type: 'RecordReminderFailed', data: failedData }).then([]);
    given([failed]).when({ type: 'RecordReminderSent', data: sentData }).then([]);
  });

  it('records the next occasion of the same section', () => {
    const next = {
      ...sentData,
      reminderId: 'nerima:2022:overdue:2023-06-06:hoiku',
      occasionId: 'nerima:2022:overdue:2023-06-06',
    };
    given([sent])
      .when({ type: 'RecordReminderSent', data: next })
      .then([{ type: 'ReminderSent', data: next }]);
  });
});

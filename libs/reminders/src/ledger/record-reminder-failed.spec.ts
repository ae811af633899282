import { failed, failedData, given } from './reminder-spec-fixtures';

describe('recording a failed reminder', () => {
  it('records the final failure with the error and the attempts made', () => {
    given([]).when({ type: 'RecordReminderFailed', data: failedData }).then([failed]);
  });
});

import { given, sent, sentData } from './reminder-spec-fixtures';

describe('recording a sent reminder', () => {
  it('records a first send with its message id', () => {
    given([]).when({ type: 'RecordReminderSent', data: sentData }).then([sent]);
  });
});

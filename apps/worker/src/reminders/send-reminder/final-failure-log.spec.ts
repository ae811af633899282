import { finalFailureLog } from './final-failure-log';

describe('the log line of a send job that ended failed', () => {
  it('is a warning when no section had an e-mail address', () => {
    expect(finalFailureLog([{ noAddress: true }, { noAddress: true }]).level).toBe('warn');
  });

  it('is an error as soon as one delivery failed', () => {
    expect(finalFailureLog([{ noAddress: true }, {}])).toEqual({ level: 'error', msg: 'reminders failed for good' });
    expect(finalFailureLog([{}]).level).toBe('error');
  });
});

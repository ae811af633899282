import { validateEnvironment } from '@pdca/platform';

describe('SMTP pool and reminder concurrency settings', () => {
  it('default to a pool of 8 connections, 1,000 messages each, 16 reminder jobs at once', () => {
    expect(validateEnvironment({}, 'worker')).toMatchObject({
      SMTP_MAX_CONNECTIONS: 8,
      SMTP_MAX_MESSAGES_PER_CONNECTION: 1_000,
      REMINDER_CONCURRENCY: 16,
    });
  });

  it('take whole numbers from the environment', () => {
    const environment = validateEnvironment(
      { SMTP_MAX_CONNECTIONS: '4', SMTP_MAX_MESSAGES_PER_CONNECTION: '100', REMINDER_CONCURRENCY: '8' },
      'worker',
    );
    expect(environment).toMatchObject({
      SMTP_MAX_CONNECTIONS: 4,
      SMTP_MAX_MESSAGES_PER_CONNECTION: 100,
      REMINDER_CONCURRENCY: 8,
    });
  });

  it('refuse the worker a start with a pool of none, or words where numbers belong, naming each variable', () => {
    expect(() =>
      validateEnvironment(
        { SMTP_MAX_CONNECTIONS: '0', SMTP_MAX_MESSAGES_PER_CONNECTION: 'many', REMINDER_CONCURRENCY: '2.5' },
        'worker',
      ),
    ).toThrow(
      /SMTP_MAX_CONNECTIONS: .*1[\s\S]*SMTP_MAX_MESSAGES_PER_CONNECTION: .*integer[\s\S]*REMINDER_CONCURRENCY: .*integer/,
    );
  });
});

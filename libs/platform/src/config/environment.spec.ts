import { ConfigurationError, validateEnvironment } from './environment';

const valid = { JWT_SECRET: 'x'.repeat(32) };

describe('environment validation', () => {
  it('fills defaults for the embedded set-up', () => {
    const environment = validateEnvironment(valid);
    expect(environment).toMatchObject({ PORT: 3000, DATA_DIR: './data', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(environment.EVENTSTORE_URL).toBeUndefined();
  });

  it('takes an empty EVENTSTORE_URL (as compose files and .env templates write it) for the embedded store', () => {
    expect(validateEnvironment({ ...valid, EVENTSTORE_URL: '' }).EVENTSTORE_URL).toBeUndefined();
  });

  it('names every wrong variable and what it expects', () => {
    let caught: unknown;
    try {
      validateEnvironment({ PORT: 'eighty', EVENTSTORE_URL: 'http://x', REDIS_URL: 'localhost' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    const message = (caught as Error).message;
    expect(message).toMatch(/PORT: .*integer/);
    expect(message).toMatch(/EVENTSTORE_URL must be an esdb:\/\/ connection string/);
    expect(message).toMatch(/REDIS_URL must be a redis:\/\//);
    expect(message).toMatch(/JWT_SECRET must be at least 32 characters .*\(missing\)/);
  });

  it('takes TRUST_PROXY as a hop count or a list of addresses, subnets and named ranges, and names a wrong item', () => {
    expect(validateEnvironment({ ...valid, TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
    expect(
      validateEnvironment({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1' }).TRUST_PROXY,
    ).toBe('loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1');
    expect(validateEnvironment({ ...valid, TRUST_PROXY: '1' }).TRUST_PROXY).toBe('1');
    expect(() => validateEnvironment({ ...valid, TRUST_PROXY: 'loopback,10.0.0.0/33,nginx' })).toThrow(
      /TRUST_PROXY: .*not understood: "10\.0\.0\.0\/33", "nginx"/,
    );
  });

  it('takes API_PROCESSES from 1 to 64 and names a wrong count', () => {
    expect(validateEnvironment({ ...valid, API_PROCESSES: '2' }).API_PROCESSES).toBe(2);
    expect(() => validateEnvironment({ ...valid, API_PROCESSES: '0' })).toThrow(
      'API_PROCESSES: API_PROCESSES must be an integer from 1 to 64 (got 0)',
    );
    expect(() => validateEnvironment({ ...valid, API_PROCESSES: 'two' })).toThrow(
      'API_PROCESSES: API_PROCESSES must be an integer from 1 to 64 (got "two")',
    );
  });

  it('names the text typed for every whole-number setting that is not a whole number, never null', () => {
    const numeric = {
      PORT: [0, 65535],
      API_PROCESSES: [1, 64],
      WORKER_PORT: [0, 65535],
      METRICS_PORT: [0, 65535],
      WORKER_METRICS_PORT: [0, 65535],
      READY_MAX_PROJECTION_LAG: [0, 1_000_000_000],
      STORE_MIN_FREE_MB: [0, 1_000_000_000],
      SMTP_MAX_CONNECTIONS: [1, 100],
      SMTP_MAX_MESSAGES_PER_CONNECTION: [1, 100_000],
      REMINDER_CONCURRENCY: [1, 1_000],
      JWT_TTL_SECONDS: [60, 86_400],
      SHUTDOWN_GRACE_MS: [1, 600_000],
      TRANSPARENCY_CHECKPOINT_INTERVAL_SECONDS: [0, 86_400],
    };
    const typed = ['abc', '1.5', ' ', '1e3', '12abc'];
    for (const [name, [min, max]] of Object.entries(numeric))
      for (const text of typed)
        expect(() => validateEnvironment({ ...valid, [name]: text })).toThrow(
          `${name}: ${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(text)})`,
        );
  });

  it('takes whole numbers written with spaces or a sign, and reports an empty one as missing', () => {
    expect(validateEnvironment({ ...valid, PORT: ' 8080 ', SHUTDOWN_GRACE_MS: '+500' })).toMatchObject({
      PORT: 8080,
      SHUTDOWN_GRACE_MS: 500,
    });
    expect(() => validateEnvironment({ ...valid, PORT: '' })).toThrow(
      'PORT must be an integer from 0 to 65535 (missing)',
    );
    expect(() => validateEnvironment({ ...valid, PORT: '-1' })).toThrow(
      'PORT must be an integer from 0 to 65535 (got -1)',
    );
  });

  it('never echoes a secret', () => {
    expect(() => validateEnvironment({ JWT_SECRET: 'short-secret' })).toThrow(/JWT_SECRET.*\(got "\*\*\*"\)/);
  });
});

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
    expect(() => validateEnvironment({ ...valid, API_PROCESSES: '0' })).toThrow(/API_PROCESSES: .*not be less than 1/);
    expect(() => validateEnvironment({ ...valid, API_PROCESSES: 'two' })).toThrow(/API_PROCESSES: .*integer/);
  });

  it('never echoes a secret', () => {
    expect(() => validateEnvironment({ JWT_SECRET: 'short-secret' })).toThrow(/JWT_SECRET.*\(got "\*\*\*"\)/);
  });
});

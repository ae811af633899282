import { throttleKeyOfAddress } from './client-address';

describe('throttle key of a client address', () => {
  it('keeps IPv4, also when Node reports it IPv4-mapped', () => {
    expect(throttleKeyOfAddress('192.0.2.1')).toBe('192.0.2.1');
    expect(throttleKeyOfAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('counts IPv6 per /64, however the address is written', () => {
    const key = throttleKeyOfAddress('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(throttleKeyOfAddress('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(throttleKeyOfAddress('2001:db8:1:3::1')).not.toBe(key);
  });

  it('leaves anything else as it is', () => {
    expect(throttleKeyOfAddress('unknown')).toBe('unknown');
  });
});

import ipaddr from 'ipaddr.js';

/**
 * The key under which a client address is throttled. An IPv6 client usually holds a whole /64
 * (one home or office line) and can pick any address in it, so IPv6 addresses count per /64;
 * IPv4-mapped IPv6 (::ffff:192.0.2.1, as Node reports IPv4 on a dual-stack socket) counts as IPv4.
 */
export function throttleKeyOfAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}

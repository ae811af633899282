import { isIP } from 'node:net';

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY names the reverse proxies whose X-Forwarded-For is believed (Fastify's trustProxy, proxy-addr's rules):
 * a hop count, or addresses and subnets (and proxy-addr's names loopback, linklocal, uniquelocal),
 * comma-separated. Checked here so a typo stops the start with exit code 78, not a stack trace.
 */
export function trustProxyProblem(value: string): string | undefined {
  if (/^\d{1,2}$/.test(value)) return undefined;
  const wrong = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => !isTrustedProxyItem(item));
  if (wrong.length === 0) return undefined;
  return `TRUST_PROXY must be a hop count or a comma-separated list of addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal (not understood: ${wrong.map((w) => JSON.stringify(w)).join(', ')})`;
}

/** The value for Fastify's trustProxy option. */
export function trustProxySetting(value: string): number | string[] {
  return /^\d{1,2}$/.test(value) ? Number(value) : value.split(',').map((item) => item.trim());
}

function isTrustedProxyItem(item: string): boolean {
  if (NAMED.has(item)) return true;
  const [address, prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

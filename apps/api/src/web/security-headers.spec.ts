import helmet from 'helmet';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { securityHeaderOptions, securityHeaderValues } from './security-headers';

/** What helmet's own middleware sends on a real response, to hold the recorded values to it. */
async function headersHelmetSends(https: boolean): Promise<Record<string, string>> {
  const middleware = helmet(securityHeaderOptions({ https }));
  const server = createServer((req, res) => middleware(req, res, () => res.end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const sent: Record<string, string> = {};
    response.headers.forEach((value, name) => (sent[name] = value));
    return sent;
  } finally {
    server.close();
  }
}

describe('security headers recorded once from helmet', () => {
  it.each([false, true])('are exactly the headers helmet sends itself (https: %s)', async (https) => {
    const sent = await headersHelmetSends(https);
    const recorded = securityHeaderValues({ https });
    for (const [name, value] of Object.entries(recorded)) expect(sent[name]).toBe(value);
    const helmetNames = Object.keys(sent).filter(
      (name) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name),
    );
    expect(Object.keys(recorded).sort()).toEqual(helmetNames.sort());
  });

  it('send HSTS only behind https and keep scripts to this origin', () => {
    expect(securityHeaderValues({ https: false })['strict-transport-security']).toBeUndefined();
    expect(securityHeaderValues({ https: true })['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(securityHeaderValues({ https: false })['content-security-policy']).toContain("script-src 'self'");
  });
});

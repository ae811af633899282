import { requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  const request = (body: unknown, url = '/wards/nerima/cycles/2022/projects/P1/submission', method = 'POST') => ({
    method,
    url,
    originalUrl: url,
    body,
  });

  it('ignores key order and the query, and tells endpoints and bodies apart', () => {
    const a = requestFingerprint(request({ actual: { text: '9所' }, rating: { grade: 'A', scheme: 'nerima' } }));
    expect(requestFingerprint(request({ rating: { scheme: 'nerima', grade: 'A' }, actual: { text: '9所' } }))).toBe(a);
    expect(
      requestFingerprint(
        request(
          { actual: { text: '9所' }, rating: { grade: 'A', scheme: 'nerima' } },
          '/wards/nerima/cycles/2022/projects/P1/submission?x=1',
        ),
      ),
    ).toBe(a);
    expect(
      requestFingerprint(request({ actual: { text: '10所' }, rating: { grade: 'A', scheme: 'nerima' } })),
    ).not.toBe(a);
    expect(
      requestFingerprint(
        request(
          { actual: { text: '9所' }, rating: { grade: 'A', scheme: 'nerima' } },
          '/wards/nerima/cycles/2022/projects/P1/withdrawal',
        ),
      ),
    ).not.toBe(a);
    expect(
      requestFingerprint(
        request({ actual: { text: '9所' }, rating: { grade: 'A', scheme: 'nerima' } }, undefined, 'PUT'),
      ),
    ).not.toBe(a);
  });

  it('counts uploaded files by their bytes', () => {
    const upload = (bytes: string) => ({
      ...request({}),
      uploads: [{ fieldname: 'files', originalname: 'a.csv', buffer: Buffer.from(bytes) }],
    });
    expect(requestFingerprint(upload('x'))).toBe(requestFingerprint(upload('x')));
    expect(requestFingerprint(upload('x'))).not.toBe(requestFingerprint(upload('y')));
  });
});

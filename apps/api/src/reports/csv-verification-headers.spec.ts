import { csvVerificationHeaders, verificationHeadersDoc } from './csv-verification-headers';

const fingerprint = `sha256:${'ab'.repeat(32)}`;
const address = 'https://pdca.city.example.jp/public/wards/nerima/reports';
const checkpoint = {
  treeSize: 42,
  rootHash: 'q83vEjRWeJA+/q83vEjRWeJA+/q83vEjRWeJA+/q83v0=',
  keyId: '0a1b2c3d',
  time: '2026-12-06T22:00:00.000Z',
};
const json = 'https://pdca.city.example.jp/public/wards/nerima/reports/2021/versions/1?format=json';

describe('the verification headers of a published CSV', () => {
  it('given a signed checkpoint, then the header carries the fingerprint and the whole checkpoint, and Link names the version JSON', () => {
    expect(csvVerificationHeaders({ address, fingerprint, checkpoint }, json)).toEqual({
      Link: `<${json}>; rel="describedby"; type="application/json"`,
      'PDCA-Verification': `fingerprint=${fingerprint}; checkpoint=42; root=${checkpoint.rootHash}; key=0a1b2c3d; time=2026-12-06T22:00:00.000Z`,
    });
  });

  it('given no signing key (no checkpoint), then the header carries the fingerprint alone', () => {
    expect(csvVerificationHeaders({ address, fingerprint }, json)['PDCA-Verification']).toBe(
      `fingerprint=${fingerprint}`,
    );
  });

  it('given a base URL with a Japanese host and path, then Link is ASCII (punycode, percent-encoded)', () => {
    const link = csvVerificationHeaders(
      { address, fingerprint },
      'https://練馬.example/報告/public/x?format=json',
    ).Link;
    expect(link).toBe(
      '<https://xn--vh0ar18c.example/%E5%A0%B1%E5%91%8A/public/x?format=json>; rel="describedby"; type="application/json"',
    );
  });

  it('given the routes that send them, then the OpenAPI form of both headers says when, in Japanese and English', () => {
    const doc = verificationHeadersDoc({ ja: '各ファイル', en: 'every file' });
    expect(Object.keys(doc)).toEqual(['Link', 'PDCA-Verification']);
    for (const header of Object.values(doc))
      expect((header as { description: string }).description).toMatch(/^各ファイル: .*\/ every file: /);
  });

  it('given a fact that is not ASCII, then it throws rather than send a garbled header', () => {
    expect(() => csvVerificationHeaders({ address, fingerprint: 'sha256:指紋' }, json)).toThrow(/PDCA-Verification/);
  });
});

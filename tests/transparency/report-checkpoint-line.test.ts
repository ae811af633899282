import { ApiHarness, TestUser } from '../support/api-harness';
import { seedWard } from '../reliability/support/fuzz-ward';

const USERS: TestUser[] = [
  { username: 'kikaku', role: 'planning_office' },
  { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
  { username: 'iin', role: 'council_member' },
];
const HTML = '/public/wards/nerima/reports/2021/versions/1?format=html';
const JSON_REPORT = '/public/wards/nerima/reports/2021/versions/1?format=json';
/** report-template/5 prints it in 検証用情報, worded for a resident (the JSON keeps the one line). */
const LINE =
  /<dt>確かめるページ<\/dt><dd><a href="[^"]+">(\S+)<\/a><\/dd><dt>この版の指紋<\/dt><dd>(sha256:[0-9a-f]{64})<\/dd><dt>署名済みの控え<\/dt><dd>[^<]*に署名した記録の控え（チェックポイント：(\d+)件、根 ([A-Za-z0-9+/]{16})…、鍵 ([0-9a-f]{8})）/;

/** Issue 13: a published report prints the signed checkpoint covering it, and still renders to the same bytes. */
describe('the checkpoint line on a published report', () => {
  let api: ApiHarness;

  afterAll(() => api?.stop());

  it('given a published year, when its report is fetched, restarted and fetched again, then one line names the covering checkpoint and the bytes never change', async () => {
    api = await ApiHarness.start(USERS);
    await seedWard(api); // FY2021 published
    const first = (await api.http.get(HTML).expect(200)).text;
    const [, address, fingerprint, size, root, keyId] = LINE.exec(first) ?? [];
    expect(address).toMatch(/\/public\/wards\/nerima\/reports$/);
    const listed = (await api.http.get('/public/wards/nerima/reports').expect(200)).body[0].versions[0];
    expect(fingerprint).toBe(listed.fingerprint);
    expect(Number(size)).toBeGreaterThanOrEqual(listed.position);
    // The line's checkpoint is one the public feed serves, signed by the published key.
    const feed = (await api.http.get('/public/transparency/checkpoints').expect(200)).body.items as Array<{
      _checkpoint: { treeSize: number; rootHash: string; signer: string };
    }>;
    expect(feed.map((item) => item._checkpoint)).toContainEqual(
      expect.objectContaining({
        treeSize: Number(size),
        rootHash: expect.stringMatching(new RegExp(`^${root.replace(/[+/]/g, '\\$&')}`)),
        signer: expect.stringContaining(`+${keyId}+`),
      }),
    );
    // The open-data JSON carries the same line as a top-level field, with the whole root.
    const json = (await api.http.get(JSON_REPORT).expect(200)).text;
    const { verification } = JSON.parse(json) as {
      verification: {
        address: string;
        fingerprint: string;
        checkpoint: { treeSize: number; rootHash: string };
        line: string;
      };
    };
    expect(verification.line).toContain(
      `検証 ${address} ・ 指紋 ${fingerprint} ・ チェックポイント ${size}件 根 ${root}… 鍵 ${keyId}`,
    );
    expect(verification).toMatchObject({ address, fingerprint, checkpoint: { treeSize: Number(size) } });
    expect(verification.checkpoint.rootHash.startsWith(root)).toBe(true);
    // The log grows and later checkpoints are signed: the report still prints the first one covering it.
    const kikaku = await api.as('kikaku');
    await kikaku.post('/wards/nerima/cycles/2021/corrections', { reason: '取組P1の実績の誤記を訂正' }).expect(200);
    expect((await api.http.get(HTML).expect(200)).text).toBe(first);
    expect((await api.http.get(JSON_REPORT).expect(200)).text).toBe(json);
    const dir = api.dir;
    await api.stop(false);
    api = await ApiHarness.start(USERS, { dir }); // read models rebuilt from the log
    expect((await api.http.get(HTML).expect(200)).text).toBe(first);
    expect((await api.http.get(JSON_REPORT).expect(200)).text).toBe(json);
  }, 180_000);
});

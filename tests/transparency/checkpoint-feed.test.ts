import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AddressInfo } from 'node:net';
import { parseVerifierKey, verifySignedCheckpoint } from '@pdca/transparency';
import { ApiHarness } from '../support/api-harness';
import { cliVerify } from './support/insider-world';

const USERS = [{ username: 'kikaku', role: 'planning_office' as const }];

/** Witnesses copy the feed: every kept checkpoint, each verifying with the published key alone. */
describe('the public checkpoint feed', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start(USERS, { env: { TRANSPARENCY_CHECKPOINT_INTERVAL_SECONDS: '1' } });
    const kikaku = await api.as('kikaku');
    await kikaku
      .post('/wards/nerima/catalogue/sections', { sectionId: 's1', department: '部', name: '課1' })
      .expect(200);
    await waitFor(async () => (await feed()).items.length >= 2); // the first at start (empty log), then the grown log
  });
  afterAll(() => api.stop());

  const feed = async () =>
    (
      await api.http
        .get('/public/transparency/checkpoints')
        .expect(200)
        .expect('Content-Type', /application\/feed\+json/)
    ).body as {
      version: string;
      items: Array<{ note: string; _checkpoint: { treeSize: number; reason: string } }>;
    };

  it('given commands after start, when a witness reads the JSON feed, then each item is a checkpoint signed by the published key, newest first', async () => {
    const keys = (await api.http.get('/public/transparency/keys').expect(200)).body.keys.map(
      (k: { verifierKey: string }) => parseVerifierKey(k.verifierKey)!,
    );
    const { version, items } = await feed();
    expect(version).toBe('https://jsonfeed.org/version/1.1');
    expect(items.map((i) => i._checkpoint)).toEqual([
      { ...items[0]._checkpoint, treeSize: 1, reason: 'interval' },
      { ...items[1]._checkpoint, treeSize: 0, reason: 'upgrade' },
    ]);
    for (const item of items)
      expect(verifySignedCheckpoint(item.note, keys, 'localhost:3000/transparency').valid).toBe(true);
  });

  it('is also valid Atom, one entry per checkpoint with the signed note as its content', async () => {
    const xml = (
      await api.http
        .get('/public/transparency/checkpoints?format=atom')
        .expect(200)
        .expect('Content-Type', /application\/atom\+xml/)
    ).text;
    expect(XMLValidator.validate(xml)).toBe(true);
    const entries = new XMLParser({ isArray: (name) => name === 'entry' }).parse(xml).feed.entry as Array<{
      content: string;
    }>;
    expect(entries).toHaveLength((await feed()).items.length);
    expect(entries[0].content).toContain('\n1\n');
  });

  it("verify --against the feed's URL checks the log against every checkpoint in it", async () => {
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const verdict = await cliVerify(api.dir, { against: [`http://127.0.0.1:${port}/public/transparency/checkpoints`] });
    expect(verdict).toMatchObject({ code: 0, kinds: [] });
    expect(verdict.report.log.checkpointsChecked).toBe(2 * (await feed()).items.length); // the service's file and the witness's copy
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cosignatureStatus,
  parseCosignerKey,
  parseVerifierKey,
  verifySignedCheckpoint,
  WitnessFile,
} from '@pdca/transparency';
import { witnessCommand } from '../../apps/cli/src/witness.command';
import { ApiHarness, TestUser } from '../support/api-harness';
import { CHECKPOINTS, cliVerify, editStore } from './support/insider-world';

const USERS: TestUser[] = [{ username: 'kikaku', role: 'planning_office' }];
const NAME = 'witness.example/prefecture';

/** Issue 13: an outside party fetches the public checkpoints over HTTP, checks consistency, cosigns and keeps them. */
describe('pdca witness against a running API', () => {
  let api: ApiHarness;
  let url: string;
  const own = mkdtempSync(join(tmpdir(), 'pdca-witness-'));
  const state = join(own, 'witnessed.jsonl');
  const run = async () => {
    const lines: string[] = [];
    const code = await witnessCommand(
      ['--log', url, '--state', state, '--witness-key', join(own, 'witness.pem'), '--name', NAME],
      (line) => lines.push(line),
    );
    return { code, text: lines.join('\n') };
  };
  const start = async (dir?: string) => {
    api = await ApiHarness.start(USERS, { dir, env: { TRANSPARENCY_CHECKPOINT_INTERVAL_SECONDS: '1' } });
    await api.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  };
  const addSection = async (id: string) =>
    (await api.as('kikaku'))
      .post('/wards/nerima/catalogue/sections', { sectionId: id, department: '部', name: `課${id}` })
      .expect(200);
  const feedSizes = async () =>
    (
      (await api.http.get('/public/transparency/checkpoints').expect(200)).body.items as Array<{
        _checkpoint: { treeSize: number };
      }>
    ).map((i) => i._checkpoint.treeSize);

  beforeAll(() => start(), 60_000);
  afterAll(async () => {
    await api?.stop();
    rmSync(own, { recursive: true, force: true });
  });

  it('given checkpoints, when the witness runs twice, then it keeps each new one once, cosigned (C2SP cosignature/v1) and still signed by the log', async () => {
    await addSection('s1');
    await waitFor(async () => (await feedSizes()).some((size) => size >= 1));
    expect((await run()).code).toBe(0);
    const first = new WitnessFile(state).readAll();
    expect(first.length).toBeGreaterThanOrEqual(1);
    await addSection('s2');
    await waitFor(async () => Math.max(...(await feedSizes())) > first[first.length - 1].treeSize);
    const again = await run();
    expect(again).toMatchObject({ code: 0, text: expect.stringMatching(/^kept [1-9]\d* new checkpoint/m) }); // checked by a consistency proof from the last kept
    const kept = new WitnessFile(state).readAll();
    expect(kept.map((k) => k.treeSize)).toEqual([...new Set(kept.map((k) => k.treeSize))].sort((a, b) => a - b));
    const keys = (await api.http.get('/public/transparency/keys').expect(200)).body.keys.map(
      (k: { verifierKey: string }) => parseVerifierKey(k.verifierKey)!,
    );
    for (const entry of kept) {
      expect(cosignatureStatus(entry.note, parseCosignerKey(entry.cosigner)!)).toBe('valid');
      expect(verifySignedCheckpoint(entry.note, keys).valid).toBe(true);
    }
    expect((await run()).text).toMatch(/^kept 0 new/m); // nothing new: nothing kept twice
  });

  it('verify --against the witness file passes, and names a checkpoint whose cosignature was altered', async () => {
    expect(await cliVerify(api.dir, { against: [state] })).toMatchObject({ code: 0, kinds: [] });
    const lines = readFileSync(state, 'utf8').trim().split('\n');
    const entry = JSON.parse(lines[0]) as { note: string; treeSize: number };
    const signature = entry.note.trimEnd().split('\n').at(-1)!;
    const flipped = signature.slice(0, -6) + (signature.at(-6) === 'A' ? 'B' : 'A') + signature.slice(-5);
    const altered = join(own, 'altered.jsonl');
    writeFileSync(
      altered,
      [JSON.stringify({ ...entry, note: entry.note.replace(signature, flipped) }), ...lines.slice(1)].join('\n') + '\n',
    );
    const verdict = await cliVerify(api.dir, { against: [altered] });
    expect(verdict.code).toBe(1);
    expect(verdict.kinds).toEqual(['checkpoint-not-signed']);
    expect(verdict.report.log.findings[0]).toMatchObject({
      checkpoint: { treeSize: entry.treeSize, source: `witness ${altered}` },
    });
    expect(verdict.text).toContain('cosignature that does not verify');
  });

  it('given the history rewritten underneath (database and checkpoint file), when the witness runs, then it refuses: not consistent with what it kept', async () => {
    const dir = api.dir;
    await api.stop(false);
    editStore(dir, (db) => {
      db.prepare("UPDATE events SET data = replace(data, '課s1', '課X') WHERE position = 1").run();
      db.prepare('UPDATE events SET log_prev = NULL, log_hash = NULL').run(); // a store that looks older than the log chain
    });
    rmSync(join(dir, CHECKPOINTS));
    await start(dir); // signs the rewritten log as its first checkpoint
    await addSection('s3');
    await waitFor(async () => Math.max(...(await feedSizes())) > new WitnessFile(state).latest()!.treeSize);
    const before = readFileSync(state, 'utf8');
    const verdict = await run();
    expect(verdict.code).toBe(1);
    expect(verdict.text).toMatch(/NOT consistent/);
    expect(readFileSync(state, 'utf8')).toBe(before);
  }, 120_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cosignatureStatus,
  formatVerifierKey,
  parseCosignerKey,
  parseVerifierKey,
  verifierKeyOf,
  verifySignedCheckpoint,
  WitnessFile,
} from '@pdca/transparency';
import { witnessCommand } from '../../apps/cli/src/witness.command';
import { ApiHarness, TestUser } from '../support/api-harness';
import { CHECKPOINTS, cliVerify, copyWorld, editStore, KEY_FILE, newKeyPem, rows } from './support/insider-world';

const USERS: TestUser[] = [{ username: 'kikaku', role: 'planning_office' }];
const NAME = 'witness.example/prefecture';

/** Issue 13: an outside party fetches the public checkpoints over HTTP, checks consistency, cosigns and keeps them. */
describe('pdca witness against a running API', () => {
  let api: ApiHarness;
  let url: string;
  const own = mkdtempSync(join(tmpdir(), 'pdca-witness-'));
  const state = join(own, 'witnessed.jsonl');
  const run = async (...extra: string[]) => {
    const lines: string[] = [];
    const code = await witnessCommand(
      ['--log', url, '--state', state, '--witness-key', join(own, 'witness.pem'), '--name', NAME, ...extra],
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

  it('given a key rotation, then the witness refuses the new key until its operator pins it, its old checkpoints still verify with its pins, and a key swapped in the database is named key-not-pinned', async () => {
    const dir = api.dir;
    const kept = new WitnessFile(state).readAll();
    const pins = `${state}.log-keys`;
    const [oldKey] = readFileSync(pins, 'utf8').trim().split('\n');
    await api.stop(false);
    writeFileSync(join(dir, KEY_FILE), newKeyPem(), { mode: 0o600 });
    await start(dir); // records the rotation (an event) and signs it with the new key
    const listed = (await api.http.get('/public/transparency/keys').expect(200)).body.keys as Array<{
      verifierKey: string;
      current: boolean;
    }>;
    const newKey = listed.find((k) => k.current)!.verifierKey;
    expect(listed.map((k) => k.verifierKey)).toEqual([newKey, oldKey]);
    await waitFor(async () => Math.max(...(await feedSizes())) > kept.at(-1)!.treeSize);

    const refused = await run();
    expect(refused.code).toBe(1);
    expect(refused.text).toMatch(/NOT kept: .* does not verify with a pinned log key/);
    expect(refused.text).toContain(`run again with --log-key ${newKey}`);
    expect(new WitnessFile(state).readAll()).toEqual(kept);

    expect((await run('--log-key', newKey)).code).toBe(0);
    expect(new WitnessFile(state).readAll().length).toBeGreaterThan(kept.length);
    expect(readFileSync(pins, 'utf8').trim().split('\n')).toEqual([oldKey, newKey]); // both stay pinned
    expect((await run()).code).toBe(0); // no flag needed from now on

    // The witness's pins, not the database's keys: its checkpoints under the old key still verify.
    expect(await cliVerify(dir, { against: [state], logKey: [pins] })).toMatchObject({ code: 0, kinds: [] });
    // Pinned to the old key only, the service's new key is named (and what it signed does not verify).
    const onlyOld = await cliVerify(dir, { against: [state], logKey: [oldKey] });
    expect(onlyOld.kinds).toEqual(['checkpoint-not-signed', 'key-not-pinned']);

    await api.stop(false);
    const insider = copyWorld(dir);
    editStore(insider, (db) => {
      const rotation = rows(db, "type = 'TransparencySigningKeyRotated'")[0];
      const insiderKey = formatVerifierKey(verifierKeyOf(NAME, createPrivateKey(newKeyPem())));
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        JSON.stringify({ ...JSON.parse(rotation.data), previousKey: insiderKey }),
        rotation.position,
      );
    });
    const swapped = await cliVerify(insider, { against: [state], logKey: [pins] });
    rmSync(insider, { recursive: true, force: true });
    expect(swapped.code).toBe(1);
    expect(swapped.kinds).toEqual(['altered', 'key-not-pinned', 'not-a-prefix']); // the rotation is under later checkpoints
    expect(swapped.report.log.findings.find((f) => f.kind === 'key-not-pinned')).toMatchObject({
      stream: 'transparency-keys',
    });
    await start(dir);
  }, 180_000);

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

import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNote, parseVerifierKey, verifySignature } from '@pdca/transparency';
import { ApiProcess } from '../bench/support/api-process';
import { writeOpenWards } from '../reliability/support/fixture-wards';
import { runCli } from './support/cli-process';

/**
 * With TRANSPARENCY_SIGNING_KEY_FILE the manifest carries a checkpoint of the backup signed with the
 * API's key: on a store nobody writes meanwhile, it names the same tree (size and root) as the
 * checkpoint the API publishes, and verifies with the key the API publishes.
 */
describe('the transparency checkpoint in a backup manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-backup-cp-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const keyFile = join(dir, 'signing-key.pem');
  writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
  });
  const { usersFile } = writeOpenWards(data, ['cp_a'], { projects: 30, sections: 3 });
  let api: ApiProcess | undefined;

  afterAll(async () => {
    await api?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the tree the API publishes and verifies with its key', async () => {
    const env = { TRANSPARENCY_SIGNING_KEY_FILE: keyFile };
    api = await ApiProcess.start({ dataDir: data, usersFile, env });
    const backup = await runCli(['backup', join(dir, 'backup.db')], { DATA_DIR: data, ...env });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'backup.db.manifest.json'), 'utf8'));

    const published = await (await fetch(`${api.base}/public/transparency/checkpoint`)).text();
    const [origin, size, root] = published.split('\n');
    expect(manifest.transparency).toMatchObject({ treeSize: Number(size), rootHash: root });
    expect(manifest.transparency.treeSize).toBe(manifest.store.events);
    expect(manifest.transparency.checkpoint.split('\n').slice(0, 3)).toEqual([origin, size, root]);

    const { keys } = (await (await fetch(`${api.base}/public/transparency/keys`)).json()) as {
      keys: Array<{ verifierKey: string }>;
    };
    const key = parseVerifierKey(keys[0].verifierKey)!;
    const note = parseNote(manifest.transparency.checkpoint)!;
    expect(note.signatures.some((signature) => verifySignature(note.text, signature, key))).toBe(true);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['backup.db', 'backup.db.manifest.json']));
  }, 120_000);
});

import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/cli-process';
import { SourceStore } from './support/source-store';

const url = process.env.EVENTSTORE_URL;

if (url) {
  // A shared server: the copy goes by one ward of a fresh, unique name, so no cleanup is needed.
  describe(`pdca migrate --to ${url}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-migrate-real-'));
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const ward = `mr${randomUUID().slice(0, 8)}`;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('copies a ward, verifies it, a rerun appends nothing, and the ward copies back into SQLite', async () => {
      const source = SourceStore.create(dataDir);
      await source.write([ward], 10);
      const env = { DATA_DIR: dataDir, TRANSPARENCY_SIGNING_KEY_FILE: source.keyFile };
      const first = await runCli(['migrate', '--to', url, '--ward', ward], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^verified/);
      const again = await runCli(['migrate', '--to', url, '--ward', ward], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/: 0 events appended/);

      // The way back: the ward's streams from the server into an empty SQLite store, verified the same way.
      const back = await runCli(['migrate', '--from', url, '--to', `sqlite:${join(dir, 'back')}`, '--ward', ward], env);
      expect(back.stderr).toBe('');
      expect(back.code).toBe(0);
      expect(back.stdout).toMatch(/^verified/);
      expect(back.stdout).toMatch(/[1-9]\d* events appended, 0 already on the target/);
    }, 300_000);
  });
} else {
  describe.skip('pdca migrate against a real EventStoreDB (set EVENTSTORE_URL, e.g. esdb://localhost:2113?tls=false, to run)', () => {
    it('copies a ward and verifies it', () => undefined);
  });
}

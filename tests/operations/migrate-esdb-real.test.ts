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

    it('copies a ward, verifies it, and a rerun appends nothing', async () => {
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
    }, 180_000);
  });
} else {
  describe.skip('pdca migrate against a real EventStoreDB (set EVENTSTORE_URL, e.g. esdb://localhost:2113?tls=false, to run)', () => {
    it('copies a ward and verifies it', () => undefined);
  });
}

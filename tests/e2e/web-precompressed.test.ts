import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressFile, precompressible } from '../../apps/web/build/precompress-files';
import { ApiHarness } from '../support/api-harness';

/** A built app with one script compressed by the build step and one left without copies. */
async function buildWithCopies(): Promise<{ dist: string; script: string; plain: string }> {
  const dist = mkdtempSync(join(tmpdir(), 'pdca-web-br-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="ja"><body>web-index</body></html>');
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 3000 }, (_, i) => `行${i}`))};\n`;
  writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), script);
  // The build step compresses every text file over 1 KB; it skips the tiny index.html.
  expect(precompressible(dist)).toEqual([join(dist, 'assets', 'app-1a2b3c.js')]);
  for (const file of precompressible(dist)) await precompressFile(file);
  // A file the build left without copies (as if added by hand): compressed per request instead.
  const plain = `export const more = ${JSON.stringify(Array.from({ length: 3000 }, (_, i) => `列${i}`))};\n`;
  writeFileSync(join(dist, 'assets', 'late-4d5e6f.js'), plain);
  return { dist, script, plain };
}

describe("the web app's files precompressed at build time", () => {
  let dist: string;
  let script: string;
  let plain: string;
  let api: ApiHarness;
  const get = (url: string, acceptEncoding: string) =>
    api.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });

  beforeAll(async () => {
    ({ dist, script, plain } = await buildWithCopies());
    api = await ApiHarness.start([], { env: { WEB_DIST_DIR: dist } });
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends the build's Brotli copy to a browser that accepts it, byte for byte, cached for a year", async () => {
    const response = await get('/assets/app-1a2b3c.js', 'gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.equals(readFileSync(join(dist, 'assets', 'app-1a2b3c.js.br')))).toBe(true);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends the gzip copy to a browser without Brotli, and the file itself to one that accepts neither', async () => {
    const gzipped = await get('/assets/app-1a2b3c.js', 'gzip, deflate');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.rawPayload.equals(readFileSync(join(dist, 'assets', 'app-1a2b3c.js.gz')))).toBe(true);
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    const identity = await get('/assets/app-1a2b3c.js', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.payload).toBe(script);
  });

  it('still compresses a file the build left without copies, per request', async () => {
    const late = await get('/assets/late-4d5e6f.js', 'br');
    expect(late.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(late.rawPayload).toString()).toBe(plain);
  });
});

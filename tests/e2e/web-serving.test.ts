import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, validateEnvironment } from '@pdca/platform';
import { isCompressibleRead } from '../../apps/api/src/web/api-read-compression';
import { isWebRoute } from '../../apps/api/src/web/web-routes';
import { ApiHarness } from '../support/api-harness';
import { registeredRoutes } from '../support/registered-routes';
import { seedWard } from '../reliability/support/fuzz-ward';

/** A stand-in for the built web app: the page marks itself when its (same-origin) script ran. */
function fakeWebBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'pdca-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html lang="ja"><head><script type="module" src="/assets/app-3f9a1c.js"></script></head><body><div id="root">web-index</div><script>document.body.dataset.inline = "ran"</script></body></html>',
  );
  writeFileSync(join(dist, 'assets', 'app-3f9a1c.js'), 'document.body.dataset.app = "ran";\n');
  writeFileSync(
    join(dist, 'assets', 'vendor-7d2e4b.js'),
    `export const rows = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `行${i}`))};\n`,
  );
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

const WEB_ROUTES = [
  '/',
  '/login?next=/cycles/2025/inbox',
  '/forbidden',
  '/cycles/2025/inbox',
  '/cycles/2025/projects/P01-001',
  '/cycles/2025/kpis/K01-01',
  '/cycles/2025/workbook',
  '/cycles/2025/council',
  '/cycles/2025/council/projects/P01-001',
  '/office/catalogue',
  '/office/imports',
  '/office/cycles',
  '/office/cycles/2025',
  '/audit/cycles/2022',
  '/audit/cycles/2022/projects/P01-001',
  '/audit/cycles/2022/as-known',
  '/audit/verification',
  '/reports/nerima',
  '/reports/nerima/2022',
  '/reports/nerima/2022/versions/1',
];

describe('the web app served by the API on the same origin', () => {
  let dist: string;
  let api: ApiHarness;

  beforeAll(async () => {
    dist = fakeWebBuild();
    api = await ApiHarness.start(
      [
        { username: 'kikaku', role: 'planning_office' },
        { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
        { username: 'iin', role: 'council_member' },
      ],
      { env: { WEB_DIST_DIR: dist } },
    );
    await seedWard(api);
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(WEB_ROUTES)("GET %s answers the app's index.html, revalidated every time", async (path) => {
    const response = await api.http.get(path).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('web-index');
  });

  it('serves hashed assets with a year-long immutable cache, and a root file', async () => {
    const asset = await api.http.get('/assets/app-3f9a1c.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await api.http.get('/favicon.svg').expect(200)).headers['cache-control']).toBe('no-cache');
    const missing = await api.http.get('/assets/nothing-here.js').expect(404);
    expect(missing.body).toMatchObject({
      statusCode: 404,
      message: { ja: expect.any(String), en: expect.any(String) },
    });
  });

  it("gzips the page's files and the API's GET answers for clients that accept it; commands never", async () => {
    const asset = await api.http.get('/assets/vendor-7d2e4b.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await api.http.get('/assets/vendor-7d2e4b.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = await api.http
      .get('/public/wards/nerima/reports/2021?format=json')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(json.body).toMatchObject({ fiscalYear: { year: 2021 } }); // supertest inflates it: the same JSON
    const identity = await api.http
      .get('/public/wards/nerima/reports/2021?format=json')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toEqual(json.body);
    // A tiny answer goes as it is (gzip would make it larger).
    expect(
      (await api.http.get('/health/live').set('Accept-Encoding', 'gzip').expect(200)).headers['content-encoding'],
    ).toBeUndefined();
    // Commands: never through the compressor, whatever they answer.
    expect(isCompressibleRead({ method: 'POST' })).toBe(false);
    expect(isCompressibleRead({ method: 'PUT' })).toBe(false);
    expect(isCompressibleRead({ method: 'GET' })).toBe(true);
  });

  it('leaves the API answering JSON as before', async () => {
    expect((await api.http.get('/health/live').expect(200)).headers['content-type']).toMatch(/json/);
    expect((await api.http.get('/wards/nerima/cycles/2022').expect(401)).body.code).toBeDefined();
    expect((await api.http.get('/public/wards/nerima/reports').expect(200)).body).toEqual([
      { fiscalYear: 2021, versions: [expect.objectContaining({ version: 1 })] },
    ]);
    expect((await api.http.post('/cycles/2025/inbox').send({}).expect(404)).headers['content-type']).toMatch(/json/);
    expect((await api.http.get('/nowhere').expect(404)).headers['content-type']).toMatch(/json/);
  });

  it('answers the app (its own 404 page) for an unknown address typed in a browser, JSON for API clients', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await api.http.get('/no/such/page').set('Accept', browser).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('web-index');
    expect(
      (await api.http.get('/no/such/page').set('Accept', 'application/json').expect(404)).headers['content-type'],
    ).toMatch(/json/);
    for (const path of [
      '/wards/nerima/nothing',
      '/public/nothing',
      '/auth/nothing',
      '/health/nothing',
      '/admin/nothing',
      '/metrics/nothing',
    ]) {
      expect((await api.http.get(path).set('Accept', browser)).headers['content-type']).toMatch(/json/);
    }
  });

  it('never takes a path of the API: no registered route falls under a web route', () => {
    const routes = registeredRoutes(api);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => isWebRoute(route.path))).toEqual([]);
  });

  it('puts the security headers on the web index, the report HTML and /docs', async () => {
    const pages = ['/', '/public/wards/nerima/reports/2021?format=html', '/docs'];
    for (const path of pages) {
      const response = await api.http.get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).not.toMatch(/https?:/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['strict-transport-security']).toBeUndefined(); // http://localhost: HSTS only behind https
    }
  });

  it('puts the same security headers on JSON answers and the 404', async () => {
    const page = await api.http.get('/').expect(200);
    for (const response of [
      await api.http.get('/health/live').expect(200),
      await api.http.get('/nowhere').expect(404),
    ]) {
      for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options']) {
        expect(response.headers[name]).toBe(page.headers[name]);
      }
    }
  });

  it('answers a clear 503 page naming `npm run build:web` while the build is missing, and the page as soon as it is built', async () => {
    renameSync(join(dist, 'index.html'), join(dist, 'index.html.away'));
    try {
      const response = await api.http.get('/cycles/2025/inbox').expect(503);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('npm run build:web');
      expect(response.text).toContain('画面');
    } finally {
      renameSync(join(dist, 'index.html.away'), join(dist, 'index.html'));
    }
    await api.http.get('/cycles/2025/inbox').expect(200);
  });

  it('refuses to start when WEB_DIST_DIR names a folder without a built app', () => {
    const attempt = () =>
      validateEnvironment({ JWT_SECRET: 's'.repeat(40), WEB_DIST_DIR: join(dist, 'no-such-build') });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/WEB_DIST_DIR: .*npm run build:web/);
    expect(validateEnvironment({ JWT_SECRET: 's'.repeat(40), WEB_DIST_DIR: dist }).WEB_DIST_DIR).toBe(dist);
  });
});

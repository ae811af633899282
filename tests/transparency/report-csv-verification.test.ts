import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportCsv, renderSummaryCsv } from '@pdca/reporting';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { ApiHarness, TestUser } from '../support/api-harness';
import { seedWard } from '../reliability/support/fuzz-ward';
import { rawBytes } from '../support/raw-bytes';

const USERS: TestUser[] = [
  { username: 'kikaku', role: 'planning_office' },
  { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
  { username: 'iin', role: 'council_member' },
];
const BASE = 'https://pdca.nerima.example.jp/kuyakusho/';
const REPORTS = '/public/wards/nerima/reports/2021';
const TABLES = ['projects', 'kpis', 'summary'] as const;
const csvOf = (version: number, table: string) => `${REPORTS}/versions/${version}?format=csv&table=${table}`;

interface Verification {
  fingerprint: string;
  checkpoint: { treeSize: number; rootHash: string; keyId: string; time: string } | null;
}

/** PDCA-Verification as the facts it names; the root is base64, so only the first "=" splits. */
function facts(header: string): Record<string, string> {
  return Object.fromEntries(
    header.split('; ').map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]),
  );
}

/** Issue 13: a published CSV stays a plain table; its verification travels on the response's headers. */
describe('the verification headers of a published CSV', () => {
  let api: ApiHarness;

  afterAll(() => api?.stop());

  it('given a published year, when its CSVs are fetched before and after a correction, then both headers name the JSON verification and the file bytes stay those of the table', async () => {
    api = await ApiHarness.start(USERS, { env: { PUBLIC_BASE_URL: BASE } });
    await seedWard(api); // FY2021 published, FY2022 open
    const fetchCsv = (url: string) => api.http.get(url).buffer(true).parse(rawBytes).expect(200);
    const verificationOf = async (version: number) =>
      (await api.http.get(`${REPORTS}/versions/${version}?format=json`).expect(200)).body.verification as Verification;

    const v1 = await verificationOf(1);
    expect(v1.checkpoint).not.toBeNull();
    const link = `<${BASE}public/wards/nerima/reports/2021/versions/1?format=json>; rel="describedby"; type="application/json"`;
    const before = await Promise.all(TABLES.map((table) => fetchCsv(csvOf(1, table))));
    for (const response of before) {
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers.link).toBe(link);
      const header = response.headers['pdca-verification'];
      expect(header).toMatch(/^[\x20-\x7e]+$/);
      expect(facts(header)).toEqual({
        fingerprint: v1.fingerprint,
        checkpoint: String(v1.checkpoint!.treeSize),
        root: v1.checkpoint!.rootHash,
        key: v1.checkpoint!.keyId,
        time: v1.checkpoint!.time,
      });
    }

    // The bytes are the table the renderer makes with no verification at all: nothing was added to the file.
    const { model, publication } = await api.app.get(ReportsService).publishedVersion('nerima', 2021, 1);
    const bare = { ...publication, status: 'published' as const };
    const tables = { ...renderReportCsv(model, bare), summary: renderSummaryCsv(model, bare) };
    TABLES.forEach((table, i) =>
      expect((before[i].body as Buffer).equals(Buffer.from(tables[table], 'utf8'))).toBe(true),
    );

    // Another request, then a correction (the log grows, later checkpoints are signed): v1 answers the same.
    const kikaku = await api.as('kikaku');
    await kikaku.post('/wards/nerima/cycles/2021/corrections', { reason: '取組P1の実績の誤記を訂正' }).expect(200);
    for (const [i, table] of TABLES.entries()) {
      const after = await fetchCsv(csvOf(1, table));
      expect((after.body as Buffer).equals(before[i].body as Buffer)).toBe(true);
      expect(after.headers.link).toBe(before[i].headers.link);
      expect(after.headers['pdca-verification']).toBe(before[i].headers['pdca-verification']);
    }
    expect(await verificationOf(1)).toEqual(v1);

    // The latest route now serves v2: its headers name v2 and v2's own verification.
    const latest = await fetchCsv(`${REPORTS}?format=csv`);
    const v2 = await verificationOf(2);
    expect(v2.fingerprint).not.toBe(v1.fingerprint);
    expect(latest.headers.link).toBe(link.replace('/versions/1?', '/versions/2?'));
    expect(facts(latest.headers['pdca-verification'])).toMatchObject({
      fingerprint: v2.fingerprint,
      checkpoint: String(v2.checkpoint!.treeSize),
      root: v2.checkpoint!.rootHash,
    });
  }, 180_000);

  it('given a draft (the staff report of an open year, or of any year), when its CSV is fetched, then it has neither header', async () => {
    const kikaku = await api.as('kikaku');
    for (const url of [
      '/wards/nerima/cycles/2022/report?format=csv',
      '/wards/nerima/cycles/2021/report?format=csv&table=summary',
    ]) {
      const response = await kikaku.get(url).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers.link).toBeUndefined();
      expect(response.headers['pdca-verification']).toBeUndefined();
    }
    // Only the CSV carries them: the other formats print the line in the file itself.
    const html = await api.http.get(`${REPORTS}/versions/1?format=html`).expect(200);
    expect(html.headers['pdca-verification']).toBeUndefined();
  });

  it('given the OpenAPI document, then both public report routes declare both headers on their 200', () => {
    const document = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8')) as {
      paths: Record<string, { get: { responses: Record<string, { headers?: Record<string, unknown> }> } }>;
    };
    for (const path of [
      '/public/wards/{wardId}/reports/{fiscalYear}',
      '/public/wards/{wardId}/reports/{fiscalYear}/versions/{version}',
    ])
      expect(Object.keys(document.paths[path].get.responses['200'].headers ?? {})).toEqual(
        expect.arrayContaining(['Link', 'PDCA-Verification']),
      );
  });
});

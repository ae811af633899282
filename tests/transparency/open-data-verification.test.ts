import type { Response } from 'supertest';
import { openDataCsv, openDataJson } from '@pdca/reporting';
import { createOpenApiDocument } from '../../apps/api/src/http/openapi-document';
import { OpenDataService } from '../../apps/api/src/public/open-data.service';
import { ApiHarness, TestUser } from '../support/api-harness';
import { seedWard } from '../reliability/support/fuzz-ward';

const USERS: TestUser[] = [
  { username: 'kikaku', role: 'planning_office' },
  { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
  { username: 'iin', role: 'council_member' },
];
const BASE = 'https://pdca.nerima.example.jp/kuyakusho/';
const REPORTS = '/public/wards/nerima/reports/2021';
const HEADERS = ['link', 'pdca-verification'] as const;

type Operation = { responses: Record<string, { headers?: Record<string, unknown> }> };

/** The reply's bytes as sent, not decoded: the test is about the file being the same file. */
const bytes = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A route template with the year's values; a parameter this test does not know fails it (a new route to cover). */
function fill(template: string, file: string, version: number): string {
  const values: Record<string, string> = { wardId: 'nerima', fiscalYear: '2021', version: String(version), file };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${template}: unknown parameter ${name}`);
    return values[name];
  });
}

/**
 * Issue 13: every open-data file of a published version answers the same Link and PDCA-Verification
 * as the version's report CSV. The routes are read from the running API's OpenAPI document, so a new
 * open-data route without the headers (undocumented, or unsent) fails here.
 */
describe('the verification headers of the open-data files of a published version', () => {
  let api: ApiHarness;

  afterAll(() => api?.stop());

  it('given a published year, when each open-data route serves each file before and after a correction, then each answers the version CSV headers and the same bytes', async () => {
    api = await ApiHarness.start(USERS, { env: { PUBLIC_BASE_URL: BASE } });
    await seedWard(api); // FY2021 published, FY2022 open
    const paths = createOpenApiDocument(api.app).paths as Record<string, { get?: Operation }>;
    const routes = Object.keys(paths).filter((path) => path.includes('/open-data/'));
    expect(routes.sort()).toEqual([
      '/public/wards/{wardId}/reports/{fiscalYear}/open-data/{file}',
      '/public/wards/{wardId}/reports/{fiscalYear}/versions/{version}/open-data/{file}',
    ]);
    for (const route of routes)
      expect(Object.keys(paths[route].get!.responses['200'].headers ?? {})).toEqual(
        expect.arrayContaining(['Link', 'PDCA-Verification']),
      );

    const index = (await api.http.get(`${REPORTS}/open-data`).expect(200)).body as {
      workbook: string;
      files: { name: string }[];
    };
    const files = [...index.files.flatMap((f) => [`${f.name}.csv`, `${f.name}.json`]), 'open-data.xlsx'];
    const fetchFile = (url: string) => api.http.get(url).buffer(true).parse(bytes).expect(200);
    const csvHeaders = async (version: number) => {
      const csv = await fetchFile(`${REPORTS}/versions/${version}?format=csv`);
      return { link: csv.headers.link, 'pdca-verification': csv.headers['pdca-verification'] };
    };
    const served = async (version: number, among = routes) =>
      new Map(
        await Promise.all(
          among.flatMap((route) =>
            files.map(
              async (file) => [fill(route, file, version), await fetchFile(fill(route, file, version))] as const,
            ),
          ),
        ),
      );

    const v1 = await csvHeaders(1);
    expect(v1.link).toBe(
      `<${BASE}public/wards/nerima/reports/2021/versions/1?format=json>; rel="describedby"; type="application/json"`,
    );
    expect(v1['pdca-verification']).toMatch(/^fingerprint=sha256:[0-9a-f]{64}; checkpoint=\d+; root=/);
    const before = await served(1);
    const { tables } = await api.app.get(OpenDataService).tables('nerima', 2021, 1);
    for (const [url, response] of before) {
      for (const header of HEADERS) expect([url, response.headers[header]]).toEqual([url, v1[header]]);
      // The bytes are the table as built with no verification: nothing was added to the file.
      const [name, extension] = url.slice(url.lastIndexOf('/') + 1).split('.');
      const table = tables.find((t) => t.name === name);
      if (extension === 'csv') expect((response.body as Buffer).equals(Buffer.from(openDataCsv(table!)))).toBe(true);
      if (extension === 'json')
        expect((response.body as Buffer).equals(Buffer.from(JSON.stringify(openDataJson(table!))))).toBe(true);
    }

    // Another request, then a correction (the log grows, later checkpoints are signed): v1's files answer the same.
    const kikaku = await api.as('kikaku');
    await kikaku.post('/wards/nerima/cycles/2021/corrections', { reason: '取組P1の実績の誤記を訂正' }).expect(200);
    const v2 = await csvHeaders(2);
    expect(v2['pdca-verification']).not.toBe(v1['pdca-verification']);
    for (const [url, response] of await served(
      1,
      routes.filter((route) => route.includes('{version}')),
    )) {
      const first = before.get(url)!;
      expect([url, (response.body as Buffer).equals(first.body as Buffer)]).toEqual([url, true]);
      for (const header of HEADERS) expect([url, response.headers[header]]).toEqual([url, first.headers[header]]);
    }

    // The latest route now serves v2: its files answer v2's headers.
    for (const file of files) {
      const latest = await fetchFile(`${REPORTS}/open-data/${file}`);
      for (const header of HEADERS) expect([file, latest.headers[header]]).toEqual([file, v2[header]]);
    }
  }, 240_000);

  it('given a file that does not exist or a year not published, when it is asked for, then the 404 has neither header', async () => {
    for (const url of [
      `${REPORTS}/versions/1/open-data/nothing.csv`,
      '/public/wards/nerima/reports/2022/open-data/summary.csv',
    ]) {
      const response = await api.http.get(url).expect(404);
      for (const header of HEADERS) expect(response.headers[header]).toBeUndefined();
    }
  });
});

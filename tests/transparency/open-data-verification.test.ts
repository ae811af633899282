import type { Response } from 'supertest';
import { openDataCsv, openDataJson } from '@pdca/reporting';
import { createOpenApiDocument } from '../../apps/api/src/http/openapi-document';
import { OpenDataService } from '../../apps/api/src/public/open-data.service';
import { ApiHarness, TestUser } from '../support/api-harness';
import { seedWard, W } from '../reliability/support/fuzz-ward';
import { rawBytes } from '../support/raw-bytes';

const USERS: TestUser[] = [
  { username: 'kikaku', role: 'planning_office' },
  { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
  { username: 'iin', role: 'council_member' },
];
const BASE = 'https://pdca.nerima.example.jp/kuyakusho/';
const REPORTS = '/public/wards/nerima/reports/2021';
const HEADERS = ['link', 'pdca-verification'] as const;

type Operation = { responses: Record<string, { headers?: Record<string, unknown> }> };

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
    const fetchFile = (url: string) => api.http.get(url).buffer(true).parse(rawBytes).expect(200);
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

/** A year with P1 and K1 in scope, K1's actual submitted, both approved, closed and published. */
async function publishYear(api: ApiHarness, fiscalYear: number, actual: string): Promise<void> {
  const [kikaku, hoiku, iin] = await Promise.all(['kikaku', 'staff-hoiku', 'iin'].map((user) => api.as(user)));
  const cycle = `${W}/cycles/${fiscalYear}`;
  const scope = { projectIds: ['P1'], kpiIds: ['K1'] };
  await kikaku.post(cycle, { scheme: 'nerima', deadline: `${fiscalYear + 1}-05-31`, scope }).expect(200);
  await hoiku
    .post(`${cycle}/projects/P1/submission`, { actual: { text: '実施' }, rating: { scheme: 'nerima', grade: 'A' } })
    .expect(200);
  await hoiku.post(`${cycle}/kpis/K1/submission`, { actual: { value: actual, asOf: '年度末' } }).expect(200);
  for (const item of ['projects/P1', 'kpis/K1'])
    await iin.post(`${cycle}/${item}/review`, { decision: 'approve' }).expect(200);
  await kikaku.post(`${cycle}/closing`, {}).expect(200);
  await kikaku.post(`${cycle}/publications`, {}).expect(200);
}

/**
 * Issue 14: a published version renders to the same bytes in every format, whatever is published
 * after it. Its earlier years (the open data's KPI actuals, the report's trends) are taken as known
 * when it was published, so correcting an earlier year changes none of its files.
 */
describe('the files of a published version after a correction of an earlier year', () => {
  let api: ApiHarness;

  afterAll(() => api?.stop());

  it('given FY2021 and FY2022 published, when FY2021 is corrected with another KPI actual, then every open-data file and report format of FY2022 v1 keeps its bytes and headers, and a later FY2022 version shows the correction', async () => {
    api = await ApiHarness.start(USERS, { env: { PUBLIC_BASE_URL: BASE } });
    await seedWard(api, false);
    await publishYear(api, 2021, '1か所');
    await publishYear(api, 2022, '2か所');
    const year = '/public/wards/nerima/reports/2022';
    const index = (await api.http.get(`${year}/open-data`).expect(200)).body as { files: { name: string }[] };
    const urls = [
      ...[...index.files.flatMap((f) => [`${f.name}.csv`, `${f.name}.json`]), 'open-data.xlsx'].flatMap((file) => [
        `${year}/open-data/${file}`,
        `${year}/versions/1/open-data/${file}`,
      ]),
      ...['html', 'pdf', 'json', 'xlsx'].map((format) => `${year}/versions/1?format=${format}`),
      ...['projects', 'kpis', 'summary'].map((table) => `${year}/versions/1?format=csv&table=${table}`),
    ];
    const fetchAll = async () => {
      const served = new Map<string, Response>();
      for (const url of urls) served.set(url, await api.http.get(url).buffer(true).parse(rawBytes).expect(200));
      return served;
    };
    const actualOf = async (url: string, fiscalYear: number) =>
      ((await api.http.get(url).expect(200)).body.rows as Array<Record<string, unknown>>).find(
        (r) => r.kpi_id === 'K1' && r.measure_code === 'actual' && r.fiscal_year === fiscalYear,
      )?.original_text;
    expect(await actualOf(`${year}/versions/1/open-data/kpi-values.json`, 2021)).toBe('1か所');
    const before = await fetchAll();

    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/cycles/2021/kpis/K1/correction`, {
        reason: 'K1の実績の誤記',
        actualText: '3か所',
        actualAsOf: '年度末',
      })
      .expect(200);
    await kikaku.post(`${W}/cycles/2021/corrections`, { reason: 'K1の実績の誤記を訂正' }).expect(200);
    expect(await actualOf('/public/wards/nerima/reports/2021/open-data/kpi-values.json', 2021)).toBe('3か所');

    // Every file that changed is named, so a failure shows the whole extent.
    const changed = [...(await fetchAll())].flatMap(([url, response]) => {
      const first = before.get(url)!;
      const headers = HEADERS.filter((header) => response.headers[header] !== first.headers[header]);
      return (response.body as Buffer).equals(first.body as Buffer) ? headers.map((h) => `${url} ${h}`) : [url];
    });
    expect(changed).toEqual([]);

    // A FY2022 version published after the correction knows it; the latest route follows that version.
    await kikaku.post(`${W}/cycles/2022/corrections`, { reason: '令和3年度の指標の訂正を反映' }).expect(200);
    expect(await actualOf(`${year}/versions/2/open-data/kpi-values.json`, 2021)).toBe('3か所');
    expect(await actualOf(`${year}/open-data/kpi-values.json`, 2021)).toBe('3か所');
    expect(await actualOf(`${year}/versions/1/open-data/kpi-values.json`, 2021)).toBe('1か所');
  }, 300_000);
});

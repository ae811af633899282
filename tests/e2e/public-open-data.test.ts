import ExcelJS from 'exceljs';
import { ApiHarness } from '../support/api-harness';
import { seedWard } from '../reliability/support/fuzz-ward';

const YEAR = '/public/wards/nerima/reports/2021';

describe('GET /public/wards/{w}/reports/{fy}/open-data: machine-readable files of a published year', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'iin', role: 'council_member' },
    ]);
    await seedWard(api); // FY2021 published
  }, 60_000);
  afterAll(() => api.stop());

  it('lists one CSV and one JSON per table and the workbook, without sign-in', async () => {
    const index = (await api.http.get(`${YEAR}/open-data`).expect(200)).body;
    expect(index.files.map((f: { name: string }) => f.name)).toEqual([
      'projects',
      'kpi-values',
      'summary',
      'codes',
      'history',
      'dataset',
      'definitions',
    ]);
    for (const file of index.files) {
      const csv = await api.http
        .get(file.csv)
        .expect(200)
        .expect('Content-Type', /text\/csv/);
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const json = (await api.http.get(file.json).expect(200)).body;
      expect(json.rows).toHaveLength(file.rows);
    }
    const summary = (await api.http.get(`${YEAR}/open-data/summary.json`).expect(200)).body;
    expect(summary.rows.find((r: { category_code: string }) => r.category_code === 'A')).toMatchObject({
      fiscal_year: 2021,
      fiscal_year_wareki: '令和3年度',
      count: 1,
      share: 100,
    });
    const dataset = (await api.http.get(`${YEAR}/open-data/dataset.json`).expect(200)).body;
    expect(dataset.rows.find((r: { key: string }) => r.key === 'local_government_code').content).toBe('131202');
  });

  it('gives a workbook with one sheet per table and the same bytes on every request', async () => {
    const get = () => api.http.get(`${YEAR}/open-data/open-data.xlsx`).responseType('blob').expect(200);
    const [a, b] = [await get(), await get()];
    expect(Buffer.compare(a.body as Buffer, b.body as Buffer)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(a.body as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'projects',
      'kpi-values',
      'summary',
      'codes',
      'history',
      'dataset',
      'definitions',
    ]);
  });

  it('answers 404 for an unknown file or an unpublished year, 400 naming a malformed file name', async () => {
    await api.http.get(`${YEAR}/open-data/nothing.csv`).expect(404);
    await api.http.get('/public/wards/nerima/reports/2022/open-data/summary.csv').expect(404);
    expect((await api.http.get(`${YEAR}/open-data/..%2Fsecret.csv`).expect(400)).body).toMatchObject({
      field: 'file',
      message: { ja: expect.any(String), en: expect.any(String) },
    });
  });
});

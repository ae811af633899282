import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import * as iconv from 'iconv-lite';
import { EVENT_STORE, EventStoreUnavailableError } from '@pdca/event-store';
import type { EventStore } from '@pdca/event-store';
import { ApiHarness } from '../support/api-harness';
import { WorkbookPlanner } from '../../apps/api/src/section-workbook/workbook-planner.service';
import { ManualClock } from '../support/manual-clock';
import { registerSampleCatalogue } from '../support/sample-catalogue';
import { KPIS, PROJECTS, USERS } from '../support/sample-ward';
import { rawBytes } from '../support/raw-bytes';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const CONSTRUCTION = '工事等の進捗状況により予定変更が生じたもの';

/** A section downloads its workbook, fills it in with Excel (exceljs here), previews the upload and confirms it. */
describe("a section's Excel round trip", () => {
  const clock = new ManualClock(new Date('2023-04-10T00:00:00Z'));
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start(USERS, { clock });
    await registerSampleCatalogue(api);
    const kikaku = await api.as('kikaku');
    await kikaku
      .put(`${W}/catalogue/projects/P06/annual-plans/2022`, {
        target: '定員増',
        statusAtPreviousYearEnd: '設計',
        planned: '改築工事に着手',
      })
      .expect(200);
    for (const { actual: _actual, ...kpi } of KPIS) await kikaku.post(`${W}/catalogue/kpis`, kpi).expect(200);
    await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
  });
  afterAll(() => api.stop());

  const head = async () => (await api.http.get('/health/ready')).body.details.eventStore.head as number;

  const download = async (username = 'staff-hoiku', query = '') => {
    const response = await api.http
      .get(`${FY}/workbook.xlsx${query}`)
      .set('Authorization', `Bearer ${await api.token(username)}`)
      .buffer(true)
      .parse(rawBytes);
    expect(response.status).toBe(200);
    return response;
  };
  const open = async (bytes: Buffer) => {
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as never);
    return workbook;
  };
  /** Writes cells by header into the row of an item, as a clerk would in Excel. */
  const fill = (sheet: Worksheet, itemId: string, values: Record<string, string>) => {
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    let rowNumber = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).text === itemId) rowNumber = n;
    });
    if (!rowNumber) rowNumber = sheet.addRow([itemId]).number;
    for (const [header, value] of Object.entries(values))
      sheet.getRow(rowNumber).getCell(headers.indexOf(header) + 1).value = value;
    return rowNumber;
  };
  const save = async (workbook: Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
  const upload = async (
    path: string,
    bytes: Buffer,
    options: { username?: string; key?: string; name?: string } = {},
  ) => {
    let call = api.http.post(path).set('Authorization', `Bearer ${await api.token(options.username ?? 'staff-hoiku')}`);
    if (options.key) call = call.set('Idempotency-Key', options.key);
    return call.attach('file', bytes, options.name ?? 'workbook.xlsx');
  };
  const preview = (bytes: Buffer, options = {}) => upload(`${FY}/workbook/previews`, bytes, options);
  const confirm = (bytes: Buffer, key: string, options = {}) => upload(`${FY}/workbook`, bytes, { key, ...options });
  const rowOf = (body: { rows: { itemId: string }[] }, itemId: string) =>
    body.rows.find((row) => row.itemId === itemId) as Record<string, any>;

  it("downloads the section's own items: one table per sheet, editable cells unlocked, drop-downs, a guide, the same bytes twice", async () => {
    const first = await download();
    expect(first.headers['content-type']).toContain('spreadsheetml');
    const workbook = await open(first.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['取組', '指標', '説明']);
    const projects = workbook.getWorksheet('取組')!;
    const ids: string[] = [];
    projects.eachRow((row, n) => {
      if (n > 1) ids.push(row.getCell(1).text);
    });
    expect(ids).toEqual(PROJECTS.filter((p) => p.sectionId === 'hoiku').map((p) => p.projectId));
    const headers = (projects.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining([
        '取組ID',
        '戦略計画',
        '取組名',
        '当初計画',
        '前年度実績',
        '目標',
        '状態',
        '実績',
        '進捗状況',
        'Bの内訳',
        '備考',
        '提出',
      ]),
    );
    const p06 = fill(projects, 'P06', {});
    expect(projects.getRow(p06).getCell(headers.indexOf('当初計画') + 1).text).toBe('改築工事に着手');
    expect(projects.getRow(p06).getCell(headers.indexOf('状態') + 1).text).toBe('未着手');
    expect(projects.getRow(p06).getCell(headers.indexOf('実績') + 1).protection?.locked).toBe(false);
    expect(projects.getRow(p06).getCell(headers.indexOf('取組名') + 1).protection?.locked).not.toBe(false);
    const guarded = projects as unknown as {
      sheetProtection: object;
      dataValidations: { find(address: string): { type: string; formulae: string[] } | undefined };
    };
    expect(guarded.sheetProtection).toMatchObject({ sheet: true });
    expect(guarded.sheetProtection).not.toHaveProperty('hashValue');
    expect(Object.keys((projects as unknown as { _merges: object })._merges)).toEqual([]);
    const gradeCell = projects.getRow(p06).getCell(headers.indexOf('進捗状況') + 1).address;
    expect(guarded.dataValidations.find(gradeCell)).toMatchObject({ type: 'list', formulae: ['"A+,A,B,*,-"'] });
    expect(
      guarded.dataValidations.find(projects.getRow(p06).getCell(headers.indexOf('Bの内訳') + 1).address)?.formulae[0],
    ).toContain(CONSTRUCTION);
    const kpiIds: string[] = [];
    workbook.getWorksheet('指標')!.eachRow((row, n) => {
      if (n > 1) kpiIds.push(row.getCell(1).text);
    });
    expect(kpiIds).toEqual(['K1']);
    const guide: string[] = [];
    workbook
      .getWorksheet('説明')!
      .eachRow((row) => guide.push((row.values as Array<string | number | undefined>).join(',')));
    expect(guide.join('\n')).toEqual(expect.stringMatching(/Bの内訳[\s\S]*required for B/));
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // past the 2 s a zip entry's date can tell apart
    expect((await download()).body.equals(first.body)).toBe(true);
  });

  it('previews every row: a B without its reason is an error on its row and column, and nothing is appended', async () => {
    const workbook = await open((await download()).body);
    const projects = workbook.getWorksheet('取組')!;
    const p04 = fill(projects, 'P04', { 実績: '9所（定員485人）', 進捗状況: 'A', 提出: 'はい' });
    const p06 = fill(projects, 'P06', { 実績: '着工に至らず', 進捗状況: 'B', 提出: 'はい' });
    fill(projects, 'P05', { 実績: '下書きの実績' });
    const before = await head();
    const response = await preview(await save(workbook));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ valid: false, counts: { submit: 1, draft: 1, error: 1 } });
    expect(rowOf(response.body, 'P04')).toMatchObject({ sheet: '取組', row: p04, outcome: 'submit', errors: [] });
    expect(rowOf(response.body, 'P05')).toMatchObject({ outcome: 'draft' });
    expect(rowOf(response.body, 'P06')).toMatchObject({
      outcome: 'error',
      errors: [
        {
          sheet: '取組',
          row: p06,
          column: 'Bの内訳',
          code: 'FIELD_REQUIRED',
          message: { ja: expect.stringContaining('B の内訳'), en: expect.any(String) },
        },
        { sheet: '取組', row: p06, column: '備考', code: 'FIELD_REQUIRED' },
      ],
    });
    expect(rowOf(response.body, 'P07')).toMatchObject({ outcome: 'unchanged' });
    expect(await head()).toBe(before);
  });

  it("reports another section's item, an unknown id, an item taken out of scope and a duplicated row as row errors", async () => {
    const workbook = await open((await download()).body);
    const projects = workbook.getWorksheet('取組')!;
    const excluded = fill(projects, 'P10', { 実績: '導入', 進捗状況: 'A' });
    await (
      await api.as('kikaku')
    )
      .post(`${FY}/exclusions`, { kind: 'project', itemId: 'P10', reason: '年度途中で事業を統合したため' })
      .expect(200);
    const foreign = fill(projects, 'P11', { 実績: '実施', 進捗状況: 'A' });
    const unknown = fill(projects, 'P99', { 実績: '実施' });
    const duplicate = projects.addRow(['P04']).number;
    const response = await preview(await save(workbook));
    expect(response.body.valid).toBe(false);
    expect(response.body.rows.find((r: { row: number }) => r.row === foreign).errors).toEqual([
      expect.objectContaining({ column: '取組ID', value: 'P11', code: 'ITEM_OF_ANOTHER_SECTION' }),
    ]);
    expect(response.body.rows.find((r: { row: number }) => r.row === unknown).errors).toEqual([
      expect.objectContaining({ code: 'ITEM_NOT_FOUND' }),
    ]);
    expect(response.body.rows.find((r: { row: number }) => r.row === excluded).errors).toEqual([
      expect.objectContaining({ code: 'ITEM_NOT_IN_SCOPE' }),
    ]);
    expect(response.body.rows.find((r: { row: number }) => r.row === duplicate).errors).toEqual([
      expect.objectContaining({ column: '取組ID', code: 'ROW_DUPLICATE' }),
    ]);
  });

  it('confirms nothing while any row has an error: 422 with the rows, nothing appended', async () => {
    const workbook = await open((await download()).body);
    const projects = workbook.getWorksheet('取組')!;
    fill(projects, 'P04', { 実績: '9所', 進捗状況: 'A', 提出: 'はい' });
    fill(projects, 'P06', { 実績: '着工に至らず', 進捗状況: 'B', 備考: '工事の遅れ', 提出: 'はい' });
    const before = await head();
    const response = await confirm(await save(workbook), 'workbook-with-errors');
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'WORKBOOK_INVALID',
      field: 'file',
      details: {
        errorCount: 1,
        rows: [expect.objectContaining({ itemId: 'P06', errors: [expect.objectContaining({ column: 'Bの内訳' })] })],
      },
    });
    expect(await head()).toBe(before);
  });

  it('a clean confirm submits and saves drafts through the commands; the same upload again repeats nothing, another file under its key is refused', async () => {
    const workbook = await open((await download()).body);
    const projects = workbook.getWorksheet('取組')!;
    fill(projects, 'P04', { 実績: '9所（定員485人）', 進捗状況: 'A', 提出: 'はい' });
    fill(projects, 'P06', {
      実績: '着工に至らず',
      進捗状況: 'B',
      Bの内訳: CONSTRUCTION,
      備考: '都営住宅建設工事の着工が遅れたため。',
      提出: 'はい',
    });
    fill(projects, 'P05', { 実績: '下書きの実績', 進捗状況: 'A+' });
    fill(workbook.getWorksheet('指標')!, 'K1', { 実績値: '計206所', 時点: '令和5年4月1日', 提出: 'はい' });
    const firstPart = await save(workbook);
    const confirmed = await confirm(firstPart, 'hoiku-workbook-0001');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.counts).toMatchObject({ submit: 3, draft: 1, error: 0 });
    expect(rowOf(confirmed.body, 'P05').warnings).toEqual([
      expect.objectContaining({ column: '備考', code: 'FIELD_REQUIRED' }),
    ]);
    const inbox = (
      await (await api.as('staff-hoiku')).get(`${FY}/inbox?minPosition=${confirmed.headers['x-position']}`).expect(200)
    ).body;
    expect(inbox.waitingForReview.map((i: { itemId: string }) => i.itemId).sort()).toEqual(['K1', 'P04', 'P06']);
    expect(inbox.due.find((i: { itemId: string }) => i.itemId === 'P05')).toMatchObject({
      status: 'draft',
      actual: { text: '下書きの実績' },
    });
    const p06 = (await (await api.as('iin')).get(`${FY}/projects/P06`).expect(200)).body;
    expect(p06).toMatchObject({ status: 'submitted', sectionRating: { grade: 'B', bReason: 'construction' } });

    // The same upload again under the same key (a retry after a lost answer) writes nothing.
    const before = await head();
    const again = await confirm(firstPart, 'hoiku-workbook-0001');
    expect(again.status).toBe(200);
    expect(again.body.counts).toMatchObject({ applied: 4, draft: 0, submit: 0 });
    expect(await head()).toBe(before);
    // Another file under the same key is a new request with an old key: refused, nothing appended.
    fill(projects, 'P07', { 実績: '受入数を拡大', 進捗状況: 'A', 提出: 'はい' });
    const reused = await confirm(await save(workbook), 'hoiku-workbook-0001');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
    expect(await head()).toBe(before);
  });

  it('after a failure half-way, the same upload with the same key finishes the rest and repeats nothing', async () => {
    const workbook = await open((await download()).body);
    const projects = workbook.getWorksheet('取組')!;
    fill(projects, 'P07', { 実績: '受入数を拡大', 進捗状況: 'A', 提出: 'はい' });
    fill(projects, 'P09', {
      実績: '令和5年10月導入予定',
      進捗状況: 'B',
      Bの内訳: 'その他',
      備考: 'ツールを再検討したため。',
      提出: 'はい',
    });
    const bytes = await save(workbook);
    // Fault injection into the real store: the second row's append fails, as a lost disk or process would make it.
    const store = api.app.get<EventStore>(EVENT_STORE);
    const append = store.append.bind(store);
    const failing = jest.spyOn(store, 'append').mockImplementation(async (stream, events, options) => {
      if (stream.endsWith('-project-P09')) throw new EventStoreUnavailableError('simulated failure');
      return append(stream, events, options);
    });
    const interrupted = await confirm(bytes, 'hoiku-workbook-0002');
    failing.mockRestore();
    expect(interrupted.status).toBe(503);
    const hoiku = await api.as('staff-hoiku');
    expect((await hoiku.get(`${FY}/projects/P07`).expect(200)).body.status).toBe('submitted');
    expect((await hoiku.get(`${FY}/projects/P09`).expect(200)).body.status).toBe('not_started');

    const before = await head();
    const finished = await confirm(bytes, 'hoiku-workbook-0002');
    expect(finished.status).toBe(200);
    expect(rowOf(finished.body, 'P07')).toMatchObject({ outcome: 'applied' });
    expect(rowOf(finished.body, 'P09')).toMatchObject({ outcome: 'submit', replayed: false });
    expect(await head()).toBe(before + 2); // P09's ActualSubmitted and ItemRated, nothing else
    expect((await hoiku.get(`${FY}/projects/P09`).expect(200)).body).toMatchObject({
      status: 'submitted',
      sectionRating: { grade: 'B', bReason: 'other' },
    });
  });

  it('reads back an untouched download as no change, and refuses a change to an approved item on its row', async () => {
    const iin = await api.as('iin');
    await iin.post(`${FY}/projects/P04/review`, { decision: 'approve' }).expect(200);
    const bytes = (await download()).body;
    const untouched = await preview(bytes);
    expect(untouched.body).toMatchObject({ valid: true, counts: { draft: 0, submit: 0, error: 0 } });
    const workbook = await open(bytes);
    const row = fill(workbook.getWorksheet('取組')!, 'P04', { 実績: '書き換え' });
    const changed = await preview(await save(workbook));
    expect(rowOf(changed.body, 'P04')).toMatchObject({
      outcome: 'error',
      errors: [expect.objectContaining({ row, column: '状態', code: 'INVALID_STATUS' })],
    });
  });

  it('accepts a sheet saved as CSV in Shift_JIS, as Japanese Excel writes it', async () => {
    const workbook = await open((await download()).body);
    const projects = workbook.getWorksheet('取組')!;
    fill(projects, 'P08', { 実績: '27園', 進捗状況: 'B', 提出: 'はい' });
    const lines: string[] = [];
    projects.eachRow((row) =>
      lines.push(
        (row.values as Array<string | number | undefined>)
          .slice(1)
          .map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`)
          .join(','),
      ),
    );
    const response = await preview(iconv.encode(lines.join('\r\n'), 'cp932'), { name: '取組.csv' });
    expect(response.status).toBe(200);
    expect(response.body.file).toMatchObject({ format: 'csv', encoding: 'shift_jis' });
    expect(rowOf(response.body, 'P08').errors.map((e: { column: string }) => e.column)).toEqual(['Bの内訳', '備考']);
  });

  it('lets the planning office download and check a named section, but only the section confirms', async () => {
    await download('kikaku', '?sectionId=gakumu');
    const noSection = await api.http
      .get(`${FY}/workbook.xlsx`)
      .set('Authorization', `Bearer ${await api.token('kikaku')}`);
    expect(noSection.status).toBe(400);
    expect(noSection.body).toMatchObject({ code: 'SECTION_REQUIRED', field: 'sectionId' });
    const bytes = (await download()).body;
    const checked = await upload(`${FY}/workbook/previews?sectionId=hoiku`, bytes, { username: 'kikaku' });
    expect(checked.body).toMatchObject({ valid: true, decidedAs: { role: 'section_staff', sectionId: 'hoiku' } });
    expect((await confirm(bytes, 'office-confirm-01', { username: 'kikaku' })).status).toBe(403);
    expect(
      (
        await api.http
          .get(`${FY}/workbook.xlsx?sectionId=gakumu`)
          .set('Authorization', `Bearer ${await api.token('staff-hoiku')}`)
      ).status,
    ).toBe(403);
    expect(
      (await api.http.get(`${FY}/workbook.xlsx`).set('Authorization', `Bearer ${await api.token('iin')}`)).status,
    ).toBe(403);
  });

  it('bounds the answer for a file wrong on every row, and refuses more rows than a section can have', async () => {
    const sheetOf = (ids: number) => {
      const workbook = new Workbook();
      const sheet = workbook.addWorksheet('取組');
      sheet.addRow(['取組ID', '実績', '進捗状況', 'Bの内訳', '備考', '提出']);
      for (let i = 1; i <= ids; i++) sheet.addRow([`X${i}`, '実施']);
      return save(workbook);
    };
    const wrong = await preview(await sheetOf(300));
    expect(wrong.body).toMatchObject({
      valid: false,
      errorCount: 300,
      errorsListed: false,
      errorsByColumn: [{ sheet: '取組', column: '取組ID', code: 'ITEM_NOT_FOUND', count: 300 }],
    });
    expect(wrong.body.errorsByColumn[0].rows).toHaveLength(20);
    expect(wrong.body.rows.flatMap((row: { errors: object[] }) => row.errors)).toHaveLength(200);
    const tooMany = await preview(await sheetOf(1_001));
    expect(tooMany.body).toMatchObject({ statusCode: 400, code: 'WORKBOOK_TOO_MANY_ROWS', field: 'file' });
  });

  it('reports an item changed between the check and the write, and never overwrites it', async () => {
    const workbook = await open((await download()).body);
    const projects = workbook.getWorksheet('取組')!;
    fill(projects, 'P05', { 実績: '下書きの実績', 進捗状況: 'A+', 備考: '前倒しで実施した。', 提出: 'はい' });
    fill(projects, 'P08', { 実績: '27園', 進捗状況: 'A', 提出: 'はい' });
    const hoiku = await api.as('staff-hoiku');
    // A colleague saves P08 in the form right after the upload was checked, before its rows are written.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .apply(this) below
    const decide = WorkbookPlanner.prototype.decide;
    const race = jest.spyOn(WorkbookPlanner.prototype, 'decide').mockImplementationOnce(async function (
      this: WorkbookPlanner,
      ...args
    ) {
      const decided = await decide.apply(this, args);
      await hoiku.put(`${FY}/projects/P08/draft`, { actual: { text: '同僚の入力' } }).expect(200);
      return decided;
    });
    const response = await confirm(await save(workbook), 'hoiku-workbook-race');
    race.mockRestore();
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'WORKBOOK_PARTIALLY_APPLIED', field: 'file' });
    expect(rowOf(response.body.details, 'P05')).toMatchObject({ outcome: 'submit', replayed: false });
    expect(rowOf(response.body.details, 'P08')).toMatchObject({ error: { code: 'STALE_REVISION' } });
    expect((await hoiku.get(`${FY}/projects/P08`).expect(200)).body).toMatchObject({
      status: 'draft',
      actual: { text: '同僚の入力' },
    });
  });

  it('answers a missing file, a missing key and a file that is not a workbook with 400 naming the field', async () => {
    const token = `Bearer ${await api.token('staff-hoiku')}`;
    const noFile = await api.http.post(`${FY}/workbook/previews`).set('Authorization', token).field('note', 'x');
    expect(noFile.body).toMatchObject({ statusCode: 400, code: 'WORKBOOK_FILE_REQUIRED', field: 'file' });
    const noKey = await upload(`${FY}/workbook`, (await download()).body);
    expect(noKey.body).toMatchObject({ statusCode: 400, code: 'IDEMPOTENCY_KEY_REQUIRED', field: 'Idempotency-Key' });
    const notWorkbook = await preview(Buffer.from('a,b\n1,2\n'), { name: 'other.csv' });
    expect(notWorkbook.body).toMatchObject({ statusCode: 400, code: 'WORKBOOK_UNRECOGNISED', field: 'file' });
    const broken = await preview(Buffer.from('PK\u0003\u0004 not really a zip'), { name: 'broken.xlsx' });
    expect(broken.body).toMatchObject({ statusCode: 400, code: 'IMPORT_FILE_UNREADABLE', field: 'file' });
  });
});

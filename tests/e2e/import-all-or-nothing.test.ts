import { ApiHarness } from '../support/api-harness';

const W = '/wards/nerima';
const STRUCTURE =
  '種別,番号,名称,基本目標\n基本目標,I,子どもたちの笑顔輝くまち,\n戦略計画,1,子育てのかたちを選択できる社会の実現,I\n';
const HEADER =
  '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考';
const row = (id: string, result: boolean) =>
  `${id},1,1,子育てのひろば,取組${id},こども家庭部,子育て支援課,,,2021,計28か所,計25か所,1か所開設,${result ? '1か所開設,A' : ','},,`;
const NEW_IDS = ['P09-001', 'P09-002', 'P09-003', 'P09-004', 'P09-005'];
const projects = (newWithResults: boolean) =>
  [HEADER, row('P01-001', true), ...NEW_IDS.map((id) => row(id, newWithResults))].join('\n') + '\n';

/**
 * Issue 10: a preview that said valid could fail half-way on confirm (a cycle whose scope is an
 * explicit list, new projects with results: 404 after appending). Preview and confirm now decide
 * with the same function; what fails, fails in the preview with its row, and a refused confirm
 * appends nothing.
 */
describe('an import is decided once, by the same rules, for the preview and the confirm', () => {
  let api: ApiHarness;
  let token = '';
  beforeAll(async () => {
    api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }]);
    token = await api.token('kikaku');
    const kikaku = await api.as('kikaku');
    await send('imports', [
      { name: 'structure.csv', data: Buffer.from(STRUCTURE) },
      { name: 'projects.csv', data: Buffer.from(`${HEADER}\n${row('P01-001', false)}\n`) },
    ]).expect(201);
    await kikaku
      .post(`${W}/cycles/2021`, {
        scheme: 'nerima',
        deadline: '2022-05-31',
        scope: { projectIds: ['P01-001'], kpiIds: [] },
      })
      .expect(200);
  });
  afterAll(() => api.stop());

  const send = (path: string, files: { name: string; data: Buffer }[], key?: string) => {
    let call = api.http.post(`${W}/${path}`).set('Authorization', `Bearer ${token}`);
    if (key) call = call.set('Idempotency-Key', key);
    for (const file of files) call = call.attach('files', file.data, file.name);
    return call;
  };
  const head = async () => (await api.http.get('/health/ready')).body.details.eventStore.head as number;

  it("names in the preview every row whose result lies outside the cycle's scope, and the confirm refuses it without appending", async () => {
    const files = [{ name: 'projects.csv', data: Buffer.from(projects(true)) }];
    const preview = await send('imports/previews', files).expect(201);
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors).toEqual(
      NEW_IDS.map((_, i) =>
        expect.objectContaining({ table: '取組', row: i + 3, column: '実績', code: 'IMPORT_OUT_OF_SCOPE' }),
      ),
    );
    expect(preview.body.errorsByColumn).toEqual([
      expect.objectContaining({ column: '実績', code: 'IMPORT_OUT_OF_SCOPE', count: 5, rows: [3, 4, 5, 6, 7] }),
    ]);

    const before = await head();
    const refused = await send('imports', files, 'scope-bug').expect(422);
    expect(refused.body).toMatchObject({ code: 'IMPORT_INVALID', details: { errorCount: 5 } });
    expect(await head()).toBe(before);
    const catalogue = (await (await api.as('kikaku')).get(`${W}/catalogue`).expect(200)).body;
    expect(Object.keys(catalogue.projects)).toEqual(['P01-001']);
  });

  it('confirms exactly what a valid preview showed, and reverts it whole', async () => {
    const files = [{ name: 'projects.csv', data: Buffer.from(projects(false)) }];
    const preview = await send('imports/previews', files).expect(201);
    expect(preview.body).toMatchObject({
      valid: true,
      errorCount: 0,
      records: [expect.objectContaining({ itemId: 'P01-001', fiscalYear: 2021 })],
    });
    const imported = await send('imports', files, 'scope-ok').expect(201);
    expect(imported.body).toMatchObject({
      records: preview.body.records,
      catalogueCommands: preview.body.catalogueCommands,
      conflicts: [],
      projected: true,
    });
    const kikaku = await api.as('kikaku');
    expect(Object.keys((await kikaku.get(`${W}/catalogue`)).body.projects)).toHaveLength(6);
    expect((await kikaku.get(`${W}/cycles/2021/projects/P01-001`).expect(200)).body.status).toBe('approved');

    const reverted = await kikaku
      .post(`${W}/imports/${imported.body.importId}/reversion`, { reason: '誤った版のファイルだったため' })
      .expect(200);
    expect(reverted.body).toMatchObject({ reverted: true, conflicts: [] });
    const catalogue = (await kikaku.get(`${W}/catalogue`)).body;
    expect(NEW_IDS.map((id) => catalogue.projects[id].retired)).toEqual([true, true, true, true, true]);
    expect((await kikaku.get(`${W}/cycles/2021/projects/P01-001`).expect(200)).body.status).toBe('not_started');
    await kikaku.post(`${W}/imports/${imported.body.importId}/reversion`, { reason: '再送' }).expect(200);
    const listed = (await kikaku.get(`${W}/imports`).expect(200)).body;
    expect(listed[0]).toMatchObject({
      importId: imported.body.importId,
      files: ['projects.csv'],
      importedBy: 'kikaku',
      records: 1,
      status: 'reverted',
      revertReason: '誤った版のファイルだったため',
    });
    expect(listed.map((i: { status: string }) => i.status)).toEqual(['reverted', 'completed']);
  });

  it('imports the same files sent twice at once (different keys) once; the other is told it is done', async () => {
    const files = [{ name: 'projects.csv', data: Buffer.from(`${HEADER}\n${row('P09-100', false)}\n`) }];
    const answers = await Promise.all([
      send('imports', files, 'twice-at-once-a'),
      send('imports', files, 'twice-at-once-b'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0].body.importId).toBe(answers[1].body.importId);
    expect(answers.find((a) => a.status === 200)!.body).toMatchObject({ replayed: true, nothingToImport: true });
  });

  it("refuses a rating the cycle's own rules refuse, in the preview, on its row and column", async () => {
    const files = [
      {
        name: 'projects.csv',
        data: Buffer.from(
          `${HEADER}\nP01-001,1,1,子育てのひろば,取組P01-001,こども家庭部,子育て支援課,,,2021,計28か所,計25か所,1か所開設,実施,*,,\n`,
        ),
      },
    ];
    const preview = await send('imports/previews', files).expect(201);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ row: 2, column: '進捗状況', code: 'STAR_REQUIRES_LONG_TERM_PROJECT' }),
    ]);
    await send('imports', files).expect(422);
  });
});

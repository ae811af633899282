import { ApiHarness } from '../support/api-harness';

const W = '/wards/nerima';
const STRUCTURE =
  '種別,番号,名称,基本目標\n基本目標,I,子どもたちの笑顔輝くまち,\n戦略計画,1,子育てのかたちを選択できる社会の実現,I\n戦略計画,2,子どもの成長に合わせた切れ目のないサポートの充実,I\n';
const PROJECTS = [
  '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考',
  'P01-001,1,1,子育てのひろば,子育てのひろば 計28か所,こども家庭部,子育て支援課,,,2021,計28か所,計25か所,1か所開設,1か所開設,A,,',
  'P01-002,1,2,保育サービス,認可保育所 計206所,こども家庭部,保育課,,,2021,計206所,計190所,7所,5所,B,その他,用地確保が遅れたため。',
  'P02-001,2,1,相談,発達に不安のある親子のひろば 月2回,こども家庭部,子育て支援課,,,2021,月2回,月1回,月2回,月2回,A+,,前倒しで全所実施。',
  'P02-002,2,1,相談,子育てのひろば 計28か所【戦略計画1-1の再掲】,こども家庭部,子育て支援課,P01-001,,2021,計28か所,計25か所,1か所開設,1か所開設,A,,',
].join('\n');
const files = () => [
  { name: 'structure.csv', data: Buffer.from(STRUCTURE) },
  { name: 'projects.csv', data: Buffer.from(`${PROJECTS}\n`) },
];

/** Migrating a past fiscal year: catalogue first, then its results into the year's cycle; both reversible. */
describe('importing a past fiscal year and reverting imports', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'kansa', role: 'auditor' },
    ]);
  });
  afterAll(() => api.stop());

  const upload = async (key: string) => {
    let call = api.http
      .post(`${W}/imports`)
      .set('Authorization', `Bearer ${await api.token('kikaku')}`)
      .set('Idempotency-Key', key);
    for (const file of files()) call = call.attach('files', file.data, file.name);
    const response = await call;
    // 201 when applied now, 200 when the same files were imported already (a retry).
    if (response.status !== 201 && response.status !== 200) throw new Error(JSON.stringify(response.body));
    return response.body;
  };
  const head = async () => (await api.http.get('/health/ready')).body.details.eventStore.head as number;

  it('imports the catalogue, then the results into the opened cycle, and publishes the migrated year', async () => {
    const kikaku = await api.as('kikaku');
    const first = await upload('migration-2021-catalogue');
    expect(first.recordsSkipped).toEqual([expect.objectContaining({ fiscalYear: 2021, records: 3 })]);
    const again = await upload('migration-2021-catalogue');
    expect(again).toMatchObject({ importId: first.importId, replayed: true });
    await kikaku.post(`${W}/cycles/2021`, { scheme: 'nerima', deadline: '2022-05-31' }).expect(200);
    const results = await upload('migration-2021-results');
    expect(results).toMatchObject({
      catalogueCommands: 0,
      records: expect.arrayContaining([expect.objectContaining({ itemId: 'P01-002' })]),
    });
    const item = await kikaku.get(`${W}/cycles/2021/projects/P01-002`).expect(200);
    expect(item.body).toMatchObject({ status: 'approved', effectiveRating: { grade: 'B', bReason: 'other' } });

    const before = await head();
    await kikaku
      .post(`${W}/imports/${results.importId}/reversion`, { reason: '別ファイルで取り込み直すため' })
      .expect(200);
    expect((await kikaku.get(`${W}/cycles/2021/projects/P01-002`).expect(200)).body.status).toBe('not_started');
    expect(await head()).toBeGreaterThan(before);

    await upload('migration-2021-results-2');
    await kikaku.post(`${W}/cycles/2021/closing`, {}).expect(200);
    await kikaku.post(`${W}/cycles/2021/publications`, {}).expect(200);
    const report = await api.http.get('/public/wards/nerima/reports/2021').expect(200);
    expect(report.body.model.summary.rows.map((r: { key: string; count: number }) => `${r.key}:${r.count}`)).toEqual([
      'A+:1',
      'A:1',
      'B:1',
      '*:0',
      '-:0',
    ]);
  });

  it('compares a project across fiscal years: published 2021, current 2022', async () => {
    const kikaku = await api.as('kikaku');
    await kikaku.post(`${W}/cycles/2022`, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
    const years = await kikaku.get(`${W}/projects/P01-002/years`).expect(200);
    expect(years.body.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2021, 2022]);
    expect(years.body[0]).toMatchObject({
      label: '令和3年度（2021年度）',
      published: { version: 1, row: { rating: { grade: 'B' }, actual: '5所' } },
    });
    expect(years.body[1].current).toMatchObject({ projectId: 'P01-002', actual: '' });
    const publicYears = await api.http.get('/public/wards/nerima/projects/P01-002/years').expect(200);
    expect(publicYears.body).toHaveLength(1);
  });

  it('reverts a catalogue import by compensating events, never by deleting history', async () => {
    const kikaku = await api.as('kikaku');
    const kansa = await api.as('kansa');
    const imported = await api.http
      .post(`${W}/imports`)
      .set('Authorization', `Bearer ${await api.token('kikaku')}`)
      .set('Idempotency-Key', 'extra-project')
      .attach(
        'files',
        Buffer.from(
          `${PROJECTS.split('\n')[0]}\nP02-003,2,2,相談,新しい相談事業,こども家庭部,子育て支援課,,,2022,実施,—,検討,,,,\n`,
        ),
        'projects.csv',
      );
    expect(imported.status).toBe(201);
    expect((await kikaku.get(`${W}/catalogue`)).body.projects['P02-003'].retired).toBe(false);
    const eventsBefore = (await kansa.get(`${W}/audit/verification`)).body.events;
    await kikaku.post(`${W}/imports/${imported.body.importId}/reversion`, { reason: '誤登録' }).expect(200);
    const catalogue = (await kikaku.get(`${W}/catalogue`)).body;
    expect(catalogue.projects['P02-003']).toMatchObject({ retired: true, annualPlans: {} });
    const verification = (await kansa.get(`${W}/audit/verification`)).body;
    expect(verification).toMatchObject({ intact: true });
    expect(verification.events).toBeGreaterThan(eventsBefore);
  });
});

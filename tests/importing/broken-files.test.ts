import { decideCatalogueSteps, emptyCatalogue } from '@pdca/catalogue';
import { DomainError } from '@pdca/kernel';
import { parseImport, planImport } from '@pdca/importing';
import type { ImportPlan, RowError } from '@pdca/importing';
import { csvFile, KPIS_HEADER, options, planner, PROJECTS_HEADER, STRUCTURE_HEADER } from './support';

const structure = [
  STRUCTURE_HEADER,
  '基本目標,I,子どもたちの笑顔輝くまち,',
  '戦略計画,1,子育てのかたちを選択できる社会の実現,I',
  '戦略計画,2,,IX',
  '計画,3,計画3,I',
  '戦略計画,1,重複した計画,I',
].join('\r\n');

const projects = [
  PROJECTS_HEADER,
  'P1,1,1,見出し,取組A,こども家庭部,子育て支援課,,,2022,目標,現況,計画,実績,A,,',
  'P2,9,1,見出し,取組B,こども家庭部,子育て支援課,,,2022,目標,現況,計画,実績,A,,',
  'P1,1,2,見出し,取組C,こども家庭部,子育て支援課,,,2022,目標,現況,計画,実績,A,,',
  'P4,1,1,見出し,取組D,こども家庭部,子育て支援課,,,2022,目標,現況,計画,実績,B,,',
  'P5,1,1,見出し,取組E,こども家庭部,子育て支援課,,,2022,目標,現況,計画,実績,A+,,',
  'P6,1,1,見出し,取組F,こども家庭部,子育て支援課,,,2022,目標,現況,実施,—,-,,',
  'P7,1,1,見出し,取組G,こども家庭部,子育て支援課,,,2022,目標,現況,計画,実績,*,,',
  'P8,1,1,見出し,取組H,こども家庭部,子育て支援課,,,20X2,目標,現況,計画,実績,C,,',
  'P9,1,1,見出し,,こども家庭部,子育て支援課,,,2022,目標,現況,計画,実績,A,,',
  'R1,1,2,見出し2,再掲,,,P404,,2022,,,,,A,,',
  'R2,1,1,見出し,再掲,,,P1,,2022,,,,,A,,',
  'P10,1,1,見出し,取組J,こども家庭部,子育て支援課,,2,2022,目標,現況,計画,実績,B,遅延,理由',
  'P11,1,2,見出し2,取組K,こども家庭部,保育課,,,2022,目標,現況,計画,実績,A,,',
].join('\r\n');

const kpis = [
  KPIS_HEADER,
  'K1,1,こどもカフェの充実,アウトプット,計8か所,令和5年度末,計6か所,令和3年度末,2022,1か所開始,令和4年度末',
  'K2,1,利用者数,インプット,計8か所,令和5年度末,計6か所,令和3年度末,2022,1か所開始,',
  'K1,1,重複,アウトカム,計8か所,令和5年度末,,令和3年度末,,,',
].join('\r\n');

const where = (errors: RowError[]) => errors.map((e) => `${e.table}:${e.row}:${e.column}:${e.code}`);

describe('a broken import', () => {
  let plan: ImportPlan;
  beforeAll(async () => {
    const parsed = await parseImport([csvFile('s.csv', structure), csvFile('p.csv', projects), csvFile('k.csv', kpis)]);
    plan = planImport(parsed, emptyCatalogue(), options);
  });

  it('is invalid and reports every problem of every row with row, column and both messages', () => {
    expect(plan.valid).toBe(false);
    expect(where(plan.errors)).toEqual([
      '構成:4:名称:CELL_REQUIRED',
      '構成:4:基本目標:PILLAR_UNKNOWN',
      '構成:5:種別:STRUCTURE_KIND_INVALID',
      '構成:6:番号:DUPLICATE_ID',
      '取組:3:戦略計画:PLAN_UNKNOWN',
      '取組:4:取組ID:DUPLICATE_ID',
      '取組:5:Bの内訳:FIELD_REQUIRED',
      '取組:5:備考:FIELD_REQUIRED',
      '取組:6:備考:FIELD_REQUIRED',
      '取組:7:進捗状況:DASH_REQUIRES_NOTHING_PLANNED',
      '取組:8:進捗状況:STAR_REQUIRES_LONG_TERM_PROJECT',
      '取組:9:年度:FISCAL_YEAR_INVALID',
      '取組:9:進捗状況:RATING_INVALID',
      '取組:10:取組名:CELL_REQUIRED',
      '取組:11:再掲元:REPOST_SOURCE_UNKNOWN',
      '取組:12:項目番号:REPOST_AT_HOME',
      '取組:13:短期評価対象外:NOT_SUITED_INVALID',
      '取組:13:Bの内訳:B_REASON_UNKNOWN',
      '指標:3:区分:KPI_KIND_INVALID',
      '指標:3:実績時点:CELL_REQUIRED',
      '指標:4:指標ID:DUPLICATE_ID',
      '指標:4:現状値:CELL_REQUIRED',
    ]);
    for (const error of plan.errors) {
      expect(error.messageJa).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(error.messageEn).toMatch(/[a-z]/);
    }
    expect(plan.errors.find((e) => e.code === 'PLAN_UNKNOWN')).toMatchObject({
      value: '9',
      messageEn: expect.stringContaining('plan 9'),
    });
    expect(plan.errors.find((e) => e.code === 'B_REASON_UNKNOWN')?.value).toBe('遅延');
  });

  it('plans only what the catalogue accepts (P1 fails with its repost R2)', () => {
    let catalogue = emptyCatalogue();
    expect(() => (catalogue = decideCatalogueSteps(plan.catalogueCommands, catalogue).state)).not.toThrow();
    expect(Object.keys(catalogue.projects)).toEqual(['P11']);
    expect(plan.preview.changes.filter((c) => c.kind === 'project').map((c) => c.id)).toEqual(['P11']);
    expect(Object.keys(catalogue.kpis)).toEqual(['K1']);
  });
});

describe('problems found by the catalogue rules', () => {
  it('are mapped to the row that caused them', async () => {
    const first = planImport(
      await parseImport([
        csvFile('s.csv', structure.split('\r\n').slice(0, 3).join('\r\n')),
        csvFile('p.csv', projects.split('\r\n').slice(0, 2).join('\r\n')),
      ]),
      emptyCatalogue(),
      options,
    );
    expect(first.errors).toEqual([]);
    const registered = decideCatalogueSteps(first.catalogueCommands, emptyCatalogue()).state;
    const catalogue = decideCatalogueSteps(
      [{ type: 'RetireProject', data: { projectId: 'P1', reason: '事業終了' }, actor: planner }],
      registered,
    ).state;
    const renamed = projects.split('\r\n').slice(0, 2).join('\r\n').replace('取組A', '取組A（改）');
    const again = planImport(await parseImport([csvFile('p.csv', renamed)]), catalogue, options);
    expect(again.errors).toEqual([
      expect.objectContaining({
        table: '取組',
        row: 2,
        column: '取組ID',
        value: 'P1',
        code: 'RETIRED',
        messageJa: expect.stringContaining('廃止'),
      }),
    ]);
  });
});

describe('problems of the files themselves', () => {
  it('reports a missing or unknown column once, on the header', async () => {
    const header = PROJECTS_HEADER.replace(',備考', ',メモ');
    const parsed = await parseImport([
      csvFile('p.csv', `${header}\r\nP1,1,1,見出し,取組A,部,課,,,2022,目標,現況,計画,実績,A+,,理由`),
    ]);
    const plan = planImport(parsed, emptyCatalogue(), options);
    expect(where(plan.errors)).toEqual([
      '取組:1:メモ:COLUMN_UNKNOWN',
      '取組:1:備考:COLUMN_MISSING',
      '取組:2:戦略計画:PLAN_UNKNOWN',
    ]);
  });

  it('reports malformed CSV at its row', async () => {
    const parsed = await parseImport([csvFile('k.csv', `${KPIS_HEADER}\r\nK1,1,"unclosed,アウトプット`)]);
    expect(where(parsed.errors)).toEqual([expect.stringMatching(/^指標:\d+::CSV_MALFORMED$/)]);
  });

  it('refuses a file that is none of the tables, and a user who is not the planning office', async () => {
    await expect(parseImport([csvFile('x.csv', 'a,b\r\n1,2')])).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNRECOGNISED',
    });
    const parsed = await parseImport([csvFile('s.csv', structure)]);
    expect(() =>
      planImport(parsed, emptyCatalogue(), { ...options, actor: { ...planner, role: 'section_staff' } }),
    ).toThrow(DomainError);
  });
});

import { buildReportModel } from '@pdca/projections';
import {
  codeOf,
  openDataCsv,
  openDataJson,
  OpenDataTable,
  openDataTables,
  openDataXlsx,
  PublicationInfo,
  publicationFingerprint,
  TEMPLATE_VERSION,
} from '@pdca/reporting';
import { checkMachineReadability, OpenDataFiles } from './support/machine-readability';
import { fyR4History } from './support/fy-r4-history';
import { nerimaReport } from './support/reports';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { TAISHO_SEED_004 } from './support/taisho-seed004';

async function filesOf(tables: OpenDataTable[], publishedAt: string): Promise<OpenDataFiles> {
  return {
    tables,
    csv: Object.fromEntries(tables.map((t) => [t.name, openDataCsv(t)])),
    json: Object.fromEntries(tables.map((t) => [t.name, JSON.parse(JSON.stringify(openDataJson(t)))])),
    xlsx: await openDataXlsx(tables, publishedAt),
  };
}

async function fyR4Tables() {
  const { ward, events, wardId, fiscalYear } = await fyR4History();
  const model = buildReportModel(ward, wardId, fiscalYear)!;
  const publication: PublicationInfo = {
    version: 1,
    publishedAt: '2023-09-01T01:00:00.000Z',
    position: events.length,
    templateVersion: TEMPLATE_VERSION,
    chainHeads: {},
    status: 'published',
  };
  const fingerprint = publicationFingerprint(wardId, fiscalYear, publication);
  const tables = openDataTables({
    model,
    publication,
    wardName: '練馬区',
    localGovernmentCode: '131202',
    fingerprint,
    versions: [{ ...publication, fingerprint }],
  });
  return { tables, files: await filesOf(tables, publication.publishedAt) };
}

const column = (table: OpenDataTable, id: string) => table.columns.findIndex((c) => c.id === id);

describe('open data a machine can read (Digital Agency rules L1-01 … L3-09) on the FY R4 reference', () => {
  it('given the FY R4 reference, the CSV, JSON and Excel files break no rule a program can check', async () => {
    const { files } = await fyR4Tables();
    expect(await checkMachineReadability(files)).toEqual({});
  }, 60_000);

  it('splits 「年間2,221人」 into 2221 and 人, keeping the original text, in long format with 和暦 beside the Western year', async () => {
    const { tables } = await fyR4Tables();
    const kpi = tables.find((t) => t.name === 'kpi-values')!;
    const row = kpi.rows.find((r) => r[column(kpi, 'original_text')] === '年間2,221人')!;
    expect([row[column(kpi, 'value')], row[column(kpi, 'unit')]]).toEqual([2221, '人']);
    expect([row[column(kpi, 'fiscal_year')], row[column(kpi, 'fiscal_year_wareki')]]).toEqual([2022, '令和4年度']);
    const asOf = kpi.rows.find((r) => r[column(kpi, 'as_of')] === '令和3年度末')!;
    expect(asOf[column(kpi, 'as_of_year')]).toBe(2021);
    expect(new Set(kpi.rows.map((r) => r[column(kpi, 'measure_code')]))).toEqual(
      new Set(['baseline', 'target', 'actual', 'achievement']),
    );
  }, 60_000);

  it("prints plain codes beside the ward's labels (Ⅰ → 1, A+ → A_PLUS) and holds the summary's numbers as numbers", async () => {
    const { tables } = await fyR4Tables();
    const projects = tables.find((t) => t.name === 'projects')!;
    const sections = new Map(
      projects.rows.map((r) => [r[column(projects, 'section_no')], r[column(projects, 'section_no_code')]]),
    );
    const circled = [...sections.keys()].filter((label) => /[①-⑳]/.test(String(label)));
    expect(circled.length).toBeGreaterThan(0);
    for (const label of circled) expect(sections.get(label)).toMatch(/^[A-Za-z0-9-]+$/);
    expect(['Ⅰ', 'Ⅳ', 'Ⅻ', '1①', '3(1)②', '関連1', '１２'].map(codeOf)).toEqual([
      '1',
      '4',
      '12',
      '1-1',
      '3-1-2',
      'REL1',
      '12',
    ]);
    expect(projects.rows.filter((r) => r[column(projects, 'repost')] === 0)).toHaveLength(383);
    const summary = tables.find((t) => t.name === 'summary')!;
    const count = (code: string) =>
      summary.rows.find((r) => r[column(summary, 'category_code')] === code)?.[column(summary, 'count')];
    expect(['A_PLUS', 'A', 'B', 'NOT_SUITED', 'NOTHING_PLANNED', 'TOTAL'].map(count)).toEqual([
      21, 284, 33, 34, 11, 383,
    ]);
  }, 60_000);

  it('catches the faults it is meant to: a title row, a number with its unit, a ① in a code, a year in a header', async () => {
    const { tables } = await fyR4Tables();
    const kpi = tables.find((t) => t.name === 'kpi-values')!;
    const broken: OpenDataTable = {
      ...kpi,
      columns: kpi.columns.map((c) => (c.id === 'as_of' ? { ...c, header: '令和4年度の時点' } : c)),
      rows: kpi.rows.map((r, i) =>
        i === 0
          ? r.map((cell, j) => (j === column(kpi, 'value') ? '2,221人' : j === column(kpi, 'plan_code') ? '1①' : cell))
          : r,
      ),
    };
    const files = await filesOf(
      tables.map((t) => (t.name === 'kpi-values' ? broken : t)),
      '2023-09-01T01:00:00.000Z',
    );
    files.csv['summary'] = `\uFEFF進捗状況の集計\r\n${files.csv['summary'].replace(/^\uFEFF/, '')}`;
    const violations = await checkMachineReadability(files);
    expect(Object.keys(violations)).toEqual(expect.arrayContaining(['L2-01', 'L1-08', 'L3-09', 'L3-01', 'L1-14']));
  }, 60_000);

  it('keeps the same columns whatever the data (L3-07): a small slice of the ward has the FY R4 headers', async () => {
    const { tables } = await fyR4Tables();
    const { model, publication } = nerimaReport();
    const slice = openDataTables({ model, publication, wardName: '練馬区', fingerprint: 'sha256:x', versions: [] });
    expect(slice.map((t) => [t.name, t.columns.map((c) => c.id)])).toEqual(
      tables.map((t) => [t.name, t.columns.map((c) => c.id)]),
    );
  }, 60_000);
});

describe('open data of a Taisho cycle (seed 004): the initiative fields as columns of their own', () => {
  const TAISHO_COLUMNS = [
    'performance_target',
    'target_outcome_code',
    'target_outcome_label',
    'withdrawal_criterion',
    'withdrawal_criterion_hit',
    'implemented_as_planned',
    'issues',
    'improvements',
  ];
  async function taishoTables(templateVersion?: string) {
    const { model, position, streams } = reportModelFrom(TAISHO_SEED_004);
    const publication = publicationFor(position, streams, {
      version: 1,
      reason: undefined,
      ...(templateVersion ? { templateVersion } : {}),
    });
    const fingerprint = publicationFingerprint('taisho', model.fiscalYear, publication);
    const tables = openDataTables({
      model,
      publication,
      wardName: '大正区',
      localGovernmentCode: '271268',
      fingerprint,
      versions: [{ ...publication, fingerprint }],
    });
    return { tables, files: await filesOf(tables, publication.publishedAt) };
  }

  it('given seed 004, the CSV, JSON and Excel files break no rule a program can check, new columns included', async () => {
    const { files } = await taishoTables();
    // Seed 004 prints no item titles, and an initiative's target is its 業績目標 (performance_target).
    expect(await checkMachineReadability(files, ['section_title', 'target'])).toEqual({});
  }, 60_000);

  it('holds 業績目標, its result, 撤退基準 and its hit, 予定どおり実施, 課題, 改善策 and 前年度までの実績 of each initiative, each defined and coded', async () => {
    const { tables } = await taishoTables();
    const projects = tables.find((t) => t.name === 'projects')!;
    expect(projects.columns.map((c) => c.id)).toEqual(expect.arrayContaining(TAISHO_COLUMNS));
    const row = projects.rows.find(
      (r) => r[column(projects, 'project_id')] === 'T-6-1-3' && r[column(projects, 'repost')] === 0,
    )!;
    const value = (id: string) => row[column(projects, id)];
    expect(TAISHO_COLUMNS.map(value)).toEqual([
      '名簿への同意率 60%以上',
      'WITHDRAWAL_CRITERION_HIT',
      '撤退基準未達成',
      '同意率が40%未満であれば事業手法を再検討する。',
      1,
      0,
      '福祉専門職の欠員が続き、訪問による同意確認が進まなかった。',
      '欠員を補充し、地域の見守り活動と連携して同意確認を進める。',
    ]);
    expect(value('status_previous_year_end')).toBe('見守り相談室の設置');
    expect(projects.columns.find((c) => c.id === 'status_previous_year_end')?.header).toBe('前年度までの実績');
    const definitions = tables.find((t) => t.name === 'definitions')!;
    const defined = definitions.rows
      .filter((r) => r[column(definitions, 'file')] === 'projects')
      .map((r) => r[column(definitions, 'column_id')]);
    expect(defined).toEqual(projects.columns.map((c) => c.id));
    const codes = tables.find((t) => t.name === 'codes')!;
    expect(
      codes.rows.filter((r) => r[column(codes, 'code_list')] === 'target_outcome').map((r) => r[column(codes, 'code')]),
    ).toEqual(['ACHIEVED', 'NOT_ACHIEVED', 'WITHDRAWAL_CRITERION_HIT']);
  }, 60_000);

  it('given a Taisho version pinned to report-template/3, its files keep the columns they were published with', async () => {
    const { tables } = await taishoTables('report-template/3');
    const projects = tables.find((t) => t.name === 'projects')!;
    expect(projects.columns.map((c) => c.id)).not.toContain('issues');
    expect(projects.columns.at(-1)?.id).toBe('note');
    expect(tables.find((t) => t.name === 'codes')!.rows.flat()).not.toContain('target_outcome');
  }, 60_000);
});

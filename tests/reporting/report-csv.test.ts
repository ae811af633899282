import { parse } from 'csv-parse/sync';
import { renderReportCsv, renderSummaryCsv } from '@pdca/reporting';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { TAISHO_SEED_004 } from './support/taisho-seed004';
import { nerimaReport, taishoReport } from './support/reports';

type Record = { [column: string]: string };
const read = (csv: string): Record[] => parse(csv, { bom: true, columns: true });

describe('renderReportCsv — open data', () => {
  const { model, publication } = nerimaReport();
  const csv = renderReportCsv(model, publication);

  it('is UTF-8 with a BOM and CRLF line ends (RFC 4180, Excel-friendly)', () => {
    for (const text of [csv.projects, csv.kpis]) {
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('has one line per project row, 再掲 included and flagged, with codes, rating and B reason', () => {
    const rows = read(csv.projects);
    expect(rows).toHaveLength(12);
    expect(
      rows.filter((r) => r['再掲'] === '1').map((r) => [r['取組ID'], r['戦略計画番号'], r['再掲元戦略計画番号']]),
    ).toEqual([
      ['P02-001', '1', '2'],
      ['P01-003', '2', '1'],
    ]);
    expect(rows.filter((r) => r['再掲'] === '0')).toHaveLength(model.summary.total);
    expect(rows.find((r) => r['取組ID'] === 'P12-003')).toMatchObject({
      年度: '2022',
      版: '2',
      基本目標番号: 'Ⅳ',
      戦略計画番号: '12',
      項目番号: '3',
      事業実施課: '都市整備部 交通企画課',
      進捗状況: 'B',
      Bの内訳コード: 'town_development',
      Bの内訳: 'まちづくり事業等の進捗状況により予定変更が生じたもの',
      備考: '沿道のまちづくりの進捗に合わせて時期を変更した。',
    });
    expect(rows.find((r) => r['取組ID'] === 'P01-002')?.['進捗状況の内容']).toBe('令和4年度末までに取組がないもの');
  });

  it('quotes by RFC 4180 and gives text back exactly', () => {
    expect(csv.projects).toContain('"工期が遅れた <script>alert(""x"")</script> & ""引用"""');
    expect(read(csv.projects).find((r) => r['取組ID'] === 'P01-004')?.['備考']).toBe(
      '工期が遅れた <script>alert("x")</script> & "引用"',
    );
  });

  it('has one line per KPI with 達成度 where numeric', () => {
    const rows = read(csv.kpis);
    expect(rows.map((r) => [r['指標ID'], r['区分'], r['達成度（%）']])).toEqual([
      ['K01-01', 'アウトプット', '100'],
      ['K01-02', 'アウトプット', '50'],
      ['K02-01', 'アウトカム', ''],
      ['K12-01', 'アウトカム', '163.8'],
    ]);
    expect(rows[0]).toMatchObject({
      目標値: '計206所',
      目標時点: '令和6年4月1日現在',
      実績: '計206所',
      実績時点: '令和5年4月1日現在',
    });
  });

  it('summarises like the published table, B broken down, then 未評価 and 合計', () => {
    const rows = read(renderSummaryCsv(model, publication));
    expect(rows.map((r) => [r['区分'], r['コード'], r['件数'], r['割合（%）']])).toEqual([
      ['評価', 'A+', '1', '10'],
      ['評価', 'A', '3', '30'],
      ['評価', 'B', '3', '30'],
      ['Bの内訳', 'covid19', '1', '10'],
      ['Bの内訳', 'town_development', '1', '10'],
      ['Bの内訳', 'construction', '0', '0'],
      ['Bの内訳', 'other', '1', '10'],
      ['評価', '*', '2', '20'],
      ['評価', '-', '1', '10'],
      ['未評価', 'unrated', '0', '0'],
      ['合計', 'total', '10', '100'],
    ]);
  });
});

describe('renderReportCsv — Taisho scheme', () => {
  const { model, publication } = taishoReport();

  it('carries 業績目標, 撤退基準 and whether it was hit', () => {
    const rows = read(renderReportCsv(model, publication).projects);
    expect(rows.map((r) => [r['取組ID'], r['達成状況'], r['撤退基準該当']])).toEqual([
      ['T-001', 'A', '0'],
      ['T-002', 'B', '1'],
      ['T-003', '未評価', ''],
    ]);
    expect(rows[1]['業績目標']).toBe('参加者 年間400人');
    const kpis = read(renderReportCsv(model, publication).kpis);
    expect(kpis[0]).toMatchObject({ 達成状況: 'A', '達成度（%）': '58.3' });
    const summary = read(renderSummaryCsv(model, publication));
    expect(summary.find((r) => r['コード'] === 'withdrawal')?.['件数']).toBe('1');
  });
});

describe('renderReportCsv — a Taisho initiative (seed 004) under report-template/4', () => {
  const { model, position, streams } = reportModelFrom(TAISHO_SEED_004);
  const publication = publicationFor(position, streams, { version: 1, reason: undefined });

  it('carries its result, whether it went as planned, its 課題 and 改善策, and heads 前年度までの実績 as the ward does', () => {
    const rows = read(renderReportCsv(model, publication).projects);
    expect(rows.find((r) => r['取組ID'] === 'T-6-1-3' && r['再掲'] === '0')).toMatchObject({
      前年度までの実績: '見守り相談室の設置',
      業績目標: '名簿への同意率 60%以上',
      撤退基準該当: '1',
      業績目標の達成状況: '撤退基準未達成',
      予定どおり実施: '0',
      課題: '福祉専門職の欠員が続き、訪問による同意確認が進まなかった。',
      改善策: '欠員を補充し、地域の見守り活動と連携して同意確認を進める。',
    });
  });

  it('given a version pinned to report-template/3, keeps the columns it was published with', () => {
    const pinned = renderReportCsv(model, { ...publication, templateVersion: 'report-template/3' }).projects;
    const header = Object.keys(read(pinned)[0]);
    expect(header).toContain('前年度末の現況');
    expect(header).not.toContain('課題');
    expect(header.at(-1)).toBe('備考');
  });
});

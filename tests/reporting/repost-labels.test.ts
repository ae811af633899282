import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import {
  openDataCsv,
  openDataTables,
  renderReportCsv,
  renderReportHtml,
  renderReportJson,
  renderReportPdf,
  renderReportXlsx,
} from '@pdca/reporting';
import type { ProjectSpec, WardSpec } from './support/report-fixture';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { NERIMA_WARD } from './support/nerima-ward';
import { pdfPageTexts } from './support/pdf-text';
import { NERIMA } from './support/reports';

/**
 * Given the Nerima slice whose two reposts are printed as the ward prints them: P01-003 under a label
 * of its own in plan 2, P02-001 under its own label and only in part in plan 1.
 */
function labelled(project: ProjectSpec): ProjectSpec {
  if (project.project.projectId === 'P01-003')
    return { ...project, reposts: project.reposts?.map((p) => ({ ...p, label: 'のびのびひろば (5か所)' })) };
  if (project.project.projectId === 'P02-001')
    return {
      ...project,
      reposts: project.reposts?.map((p) => ({ ...p, label: '産後ケア (訪問型)', part: '訪問日数の拡大' })),
    };
  return project;
}
const WARD: WardSpec = { ...NERIMA_WARD, projects: NERIMA_WARD.projects.map(labelled) };
const given = reportModelFrom(WARD);
const publication = publicationFor(given.position, given.streams);
const { model } = given;
const plain = reportModelFrom(NERIMA_WARD);

const OWN_LABEL = 'のびのびひろば (5か所)【戦略計画1-1②の再掲】';
const PART = '産後ケア (訪問型)【戦略計画2-1(1)の一部再掲：訪問日数の拡大】';

describe('a repost (再掲) is printed under its own label, marked 再掲, in every format', () => {
  it('given labelled reposts, when the model is built, then the rows carry the label, the original name and the part, and the counts do not change', () => {
    const reposts = model.pillars.flatMap((p) => p.plans.flatMap((plan) => plan.projects.filter((row) => row.repost)));
    expect(reposts.map((row) => [row.projectId, row.name, row.originalName, row.repostPart]).sort()).toEqual([
      ['P01-003', 'のびのびひろば (5か所)', '発達に不安のある親子のひろば事業 (のびのびひろば)', undefined],
      ['P02-001', '産後ケア (訪問型)', '産後ケア事業の充実', '訪問日数の拡大'],
    ]);
    // Rated with the original, counted once.
    const original = model.pillars[0].plans[1].projects.find((row) => row.projectId === 'P02-001' && !row.repost);
    expect(reposts.find((row) => row.projectId === 'P02-001')?.rating).toEqual(original?.rating);
    expect(model.summary).toEqual(plain.model.summary);
  });

  it('when rendered as HTML, then the repost row heads with its label and the mark, part included', () => {
    const html = renderReportHtml(model, publication, NERIMA);
    expect(html).toContain(`<tr class="repost"><th scope="row">${OWN_LABEL}</th>`);
    expect(html).toContain(`<tr class="repost"><th scope="row">${PART}</th>`);
  });

  it('when rendered as PDF, then the same label and mark are printed', async () => {
    const text = pdfPageTexts(await renderReportPdf(model, publication, NERIMA))
      .join('')
      .replace(/\s+/g, '');
    expect(text).toContain(OWN_LABEL.replace(/\s+/g, ''));
    expect(text).toContain(PART.replace(/\s+/g, ''));
  });

  it('when rendered as CSV and Excel, then the repost line has its label as 取組名 and is flagged 再掲', async () => {
    const rows: Array<Record<string, string>> = parse(renderReportCsv(model, publication).projects, {
      bom: true,
      columns: true,
    });
    expect(
      rows
        .filter((r) => r['再掲'] === '1')
        .map((r) => [r['取組ID'], r['取組名']])
        .sort(),
    ).toEqual([
      ['P01-003', 'のびのびひろば (5か所)'],
      ['P02-001', '産後ケア (訪問型)'],
    ]);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderReportXlsx(model, publication, NERIMA)).buffer);
    const sheet = workbook.getWorksheet('アクションプラン')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const lines = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    const reposts = lines
      .filter((line) => line[header.indexOf('再掲')] === 1)
      .map((line) => line[header.indexOf('取組名')]);
    expect(reposts.sort()).toEqual(['のびのびひろば (5か所)', '産後ケア (訪問型)']);
  });

  it('when rendered as JSON, then repostOf names the original and the part; a repost without a label keeps its old shape', () => {
    const projects = renderReportJson(model, publication, NERIMA).pillars.flatMap((p) =>
      p.plans.flatMap((plan) => plan.projects),
    );
    expect(projects.find((p) => p.repost && p.id === 'P02-001')).toMatchObject({
      name: '産後ケア (訪問型)',
      repostOf: { planCode: '2', sectionNo: '1(1)', name: '産後ケア事業の充実', part: '訪問日数の拡大' },
    });
    expect(projects.find((p) => p.repost && p.id === 'P01-003')?.repostOf).toEqual({
      planCode: '1',
      sectionNo: '1②',
      name: '発達に不安のある親子のひろば事業 (のびのびひろば)',
    });
    // Versions published before labels existed render to the bytes they had.
    const before = renderReportJson(plain.model, publicationFor(plain.position, plain.streams), NERIMA).pillars.flatMap(
      (p) => p.plans.flatMap((plan) => plan.projects),
    );
    expect(before.filter((p) => p.repost).map((p) => Object.keys(p.repostOf ?? {}))).toEqual([
      ['planCode', 'sectionNo'],
      ['planCode', 'sectionNo'],
    ]);
  });

  it('when rendered as flat data (report-template/4), then CSV, Excel and the open-data file say whose repost it is and which part', async () => {
    const rows: Array<Record<string, string>> = parse(renderReportCsv(model, publication).projects, {
      bom: true,
      columns: true,
    });
    const repostLines = rows
      .filter((r) => r['再掲'] === '1')
      .map((r) => [r['取組名'], r['再掲元取組名'], r['一部再掲の範囲']]);
    expect(repostLines.sort()).toEqual([
      ['のびのびひろば (5か所)', '発達に不安のある親子のひろば事業 (のびのびひろば)', ''],
      ['産後ケア (訪問型)', '産後ケア事業の充実', '訪問日数の拡大'],
    ]);
    expect(
      rows.filter((r) => r['再掲'] === '0').every((r) => r['再掲元取組名'] === '' && r['一部再掲の範囲'] === ''),
    ).toBe(true);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderReportXlsx(model, publication, NERIMA)).buffer);
    const header = (workbook.getWorksheet('アクションプラン')!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['再掲元取組名', '一部再掲の範囲']);
    const projects = openDataTables({
      model,
      publication,
      wardName: '練馬区',
      fingerprint: 'sha256:x',
      versions: [],
    }).find((t) => t.name === 'projects')!;
    const at = (id: string) => projects.columns.findIndex((c) => c.id === id);
    const part = projects.rows.find((r) => r[at('repost')] === 1 && r[at('project_id')] === 'P02-001')!;
    expect([part[at('repost_origin_plan_code')], part[at('repost_original_name')], part[at('repost_part')]]).toEqual([
      '2',
      '産後ケア事業の充実',
      '訪問日数の拡大',
    ]);
  });

  it('given a version pinned to report-template/3, then its CSV and open-data files keep the columns (and bytes) they were published with', () => {
    const pinned = { ...publication, templateVersion: 'report-template/3' };
    const csv = renderReportCsv(model, pinned).projects;
    const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
    expect(header).not.toContain('再掲元取組名');
    expect(header.at(-1)).toBe('備考');
    const projects = openDataTables({
      model,
      publication: pinned,
      wardName: '練馬区',
      fingerprint: 'sha256:x',
      versions: [],
    }).find((t) => t.name === 'projects')!;
    expect(projects.columns.at(-1)?.id).toBe('note');
    expect(openDataCsv(projects)).not.toContain('再掲元');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';
import { emptyCatalogue } from '@pdca/catalogue';
import { decodeText, parseImport, planImport } from '@pdca/importing';
import type { ImportFile, ImportPlan } from '@pdca/importing';
import { FIXTURE_FILES, FIXTURES, fixtureFiles, options } from './support';

const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const planOf = async (files: ImportFile[]) => planImport(await parseImport(files), emptyCatalogue(), options);

describe('CSV encodings', () => {
  let utf8: ImportPlan;
  beforeAll(async () => {
    utf8 = await planOf(fixtureFiles());
  });

  it('decodes Shift_JIS (CP932) as Japanese Excel saves it', async () => {
    // CP932 has no U+2014 EM DASH; Japanese Windows writes the horizontal bar U+2015 instead.
    const asExcelWould = (name: string) => fixtureText(name).replace(/—/g, '―');
    const files = FIXTURE_FILES.map((name) => ({ name, data: iconv.encode(asExcelWould(name), 'cp932') }));
    const parsed = await parseImport(files);
    expect(parsed.files.map((f) => f.encoding)).toEqual(['shift_jis', 'shift_jis', 'shift_jis']);
    expect(parsed.structure[0]).toMatchObject({
      row: 2,
      kind: '基本目標',
      number: 'I',
      name: '子どもたちの笑顔輝くまち',
    });
    const plan = planImport(parsed, emptyCatalogue(), options);
    expect(plan.errors).toEqual([]);
    expect(plan.preview.fiscalYears[0].ratings).toEqual({ 'A+': 21, A: 284, B: 33, '*': 34, '-': 11 });
    expect(JSON.stringify(plan.catalogueCommands)).toBe(JSON.stringify(utf8.catalogueCommands).replace(/—/g, '―'));
  });

  it('reads UTF-8 with a BOM, and UTF-16 with its BOM', async () => {
    const withBom = FIXTURE_FILES.map((name) => ({
      name,
      data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixtureText(name))]),
    }));
    expect((await planOf(withBom)).catalogueCommands).toEqual(utf8.catalogueCommands);
    expect(decodeText(iconv.encode('種別,番号', 'utf-16le', { addBOM: true }))).toEqual({
      text: '種別,番号',
      encoding: 'utf-16le',
    });
    expect(decodeText(Buffer.from('種別,番号'))).toEqual({ text: '種別,番号', encoding: 'utf-8' });
  });

  it('recognises each CSV by its header, whatever the file is called and in any order', async () => {
    const files = fixtureFiles()
      .reverse()
      .map((file, i) => ({ ...file, name: `upload-${i}.csv` }));
    expect((await planOf(files)).catalogueCommands).toEqual(utf8.catalogueCommands);
  });

  it('reads the same tables from one workbook, numbers in cells included', async () => {
    const workbook = new Workbook();
    for (const [name, sheetName] of [
      ['structure.csv', '構成'],
      ['projects.csv', '取組'],
      ['kpis.csv', '指標'],
    ]) {
      const sheet = workbook.addWorksheet(sheetName);
      const { parse } = await import('csv-parse/sync');
      const rows: string[][] = parse(fixtureText(name));
      rows.forEach((row, i) => sheet.addRow(row.map((cell) => (i > 0 && /^\d+$/.test(cell) ? Number(cell) : cell))));
    }
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const parsed = await parseImport([{ name: 'nerima.xlsx', data }]);
    expect(parsed.files).toEqual([{ name: 'nerima.xlsx', format: 'xlsx', tables: ['構成', '取組', '指標'] }]);
    expect(parsed.projects[0]).toMatchObject({ row: 2, source: 'nerima.xlsx#取組', plan: '1', fiscalYear: '2022' });
    const plan = planImport(parsed, emptyCatalogue(), options);
    expect(plan.errors).toEqual([]);
    expect(plan.catalogueCommands).toEqual(utf8.catalogueCommands);
    expect(plan.records).toEqual(utf8.records);
  });
});

import { Workbook } from 'exceljs';
import { emptyCatalogue } from '@pdca/catalogue';
import {
  buildTemplateCsv,
  buildTemplateXlsx,
  IMPORT_TABLES,
  parseImport,
  planImport,
  TABLE_COLUMNS,
  templateCsvName,
} from '@pdca/importing';
import { options } from './support';

const headers = (table: (typeof IMPORT_TABLES)[number]) => TABLE_COLUMNS[table].map((column) => column.header);

describe('the template workbook', () => {
  let data: Buffer;
  let workbook: Workbook;
  beforeAll(async () => {
    data = await buildTemplateXlsx();
    workbook = new Workbook();
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  });

  it('has the three sheets with their headers, and the guide', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['構成', '取組', '指標', '説明']);
    for (const table of IMPORT_TABLES) {
      const row = workbook.getWorksheet(table)!.getRow(1);
      expect(headers(table).map((_, i) => row.getCell(i + 1).text)).toEqual(headers(table));
    }
    expect(headers('取組')).toEqual(
      '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考'.split(
        ',',
      ),
    );
  });

  it('explains every column in Japanese and English in 説明', () => {
    const guide: string[][] = [];
    workbook
      .getWorksheet('説明')!
      .eachRow((row) =>
        guide.push((row.values as Array<string | number | undefined>).slice(1).map((v) => String(v ?? ''))),
      );
    for (const table of IMPORT_TABLES) {
      for (const column of TABLE_COLUMNS[table]) {
        const line = guide.find((cells) => cells[0].startsWith(table) && cells[1] === column.header);
        expect(line).toEqual([
          expect.any(String),
          column.header,
          column.key,
          expect.stringMatching(/必須|任意/),
          expect.stringMatching(/required|optional/),
          column.descriptionJa,
          column.descriptionEn,
          column.allowed?.join(', ') ?? '',
        ]);
      }
    }
    const rating = guide.find((cells) => cells[1] === '進捗状況');
    expect(rating?.[7]).toBe('A+, A, B, *, -');
    expect(guide.find((cells) => cells[1] === 'Bの内訳')?.[7]).toBe('コロナ, まちづくり, 工事, その他');
  });

  it('offers drop-down lists for the rating, reason, kind and flag columns', () => {
    const list = (table: string, header: string, row = 2) => {
      const sheet = workbook.getWorksheet(table)!;
      const column = headers(table as '取組').indexOf(header) + 1;
      return sheet.getCell(row, column).dataValidation;
    };
    expect(list('取組', '進捗状況')).toMatchObject({ type: 'list', formulae: ['"A+,A,B,*,-"'] });
    expect(list('取組', '進捗状況', 500)).toMatchObject({ type: 'list' });
    expect(list('取組', 'Bの内訳')).toMatchObject({ type: 'list', formulae: ['"コロナ,まちづくり,工事,その他"'] });
    expect(list('取組', '短期評価対象外')).toMatchObject({ type: 'list', formulae: ['"1"'] });
    expect(list('指標', '区分')).toMatchObject({ type: 'list', formulae: ['"アウトプット,アウトカム"'] });
    expect(list('構成', '種別')).toMatchObject({ type: 'list', formulae: ['"基本目標,戦略計画"'] });
  });

  it('imports its own example rows without errors', async () => {
    const plan = planImport(await parseImport([{ name: 'template.xlsx', data }]), emptyCatalogue(), options);
    expect(plan.errors).toEqual([]);
    expect(plan.preview.commands).toEqual({
      RegisterSection: 2,
      RegisterPillar: 1,
      RegisterPlan: 1,
      RegisterProject: 1,
      SetAnnualPlan: 1,
      RegisterKpi: 1,
    });
    expect(plan.records.map((r) => r.rating)).toEqual([
      { scheme: 'nerima', grade: 'B', bReason: 'construction', note: expect.any(String) },
      undefined,
    ]);
  });
});

describe('the template CSVs', () => {
  it('have a BOM, the header and the examples, and import without errors', async () => {
    const files = IMPORT_TABLES.map((table) => ({ name: templateCsvName(table), data: buildTemplateCsv(table) }));
    expect(files.map((f) => f.name)).toEqual(['structure.csv', 'projects.csv', 'kpis.csv']);
    for (const [i, table] of IMPORT_TABLES.entries()) {
      expect([...files[i].data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(files[i].data.toString('utf8').slice(1).split('\r\n')[0]).toBe(headers(table).join(','));
    }
    const plan = planImport(await parseImport(files), emptyCatalogue(), options);
    expect(plan.errors).toEqual([]);
    expect(plan.catalogueCommands).toHaveLength(7);
  });
});

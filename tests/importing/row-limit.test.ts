import { Workbook } from 'exceljs';
import { IMPORT_MAX_ROWS, parseImport } from '@pdca/importing';
import { csvFile, PROJECTS_HEADER, STRUCTURE_HEADER } from './support';

const projectRows = (count: number) =>
  Array.from({ length: count }, (_, i) => `P${i},1,1,項目,取組${i},部,課,,,2022,目標,現況,計画,実績,A,,`);

/** An upload holds at most IMPORT_MAX_ROWS data rows; reading stops there, in CSV and in workbooks. */
describe('the row limit', () => {
  it('reads a CSV of exactly the limit', async () => {
    const parsed = await parseImport([
      csvFile('projects.csv', [PROJECTS_HEADER, ...projectRows(IMPORT_MAX_ROWS)].join('\n')),
    ]);
    expect(parsed.projects).toHaveLength(IMPORT_MAX_ROWS);
  });

  it('refuses a CSV one row over it, naming the limit and the file', async () => {
    await expect(
      parseImport([csvFile('projects.csv', [PROJECTS_HEADER, ...projectRows(IMPORT_MAX_ROWS + 1)].join('\n'))]),
    ).rejects.toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      details: { limit: IMPORT_MAX_ROWS, file: 'projects.csv' },
    });
  });

  it('counts the rows of all tables together', async () => {
    const structure = csvFile(
      'structure.csv',
      [STRUCTURE_HEADER, ...Array.from({ length: 10 }, (_, i) => `基本目標,G${i},目標${i},`)].join('\n'),
    );
    await expect(
      parseImport([
        structure,
        csvFile('projects.csv', [PROJECTS_HEADER, ...projectRows(IMPORT_MAX_ROWS - 5)].join('\n')),
      ]),
    ).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
  });

  it('refuses a workbook sheet over it without loading the workbook whole', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('取組');
    sheet.addRow(PROJECTS_HEADER.split(','));
    projectRows(IMPORT_MAX_ROWS + 1).forEach((row) => sheet.addRow(row.split(',')));
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(parseImport([{ name: 'plan.xlsx', data }])).rejects.toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      details: { file: 'plan.xlsx' },
    });
  }, 30_000);
});

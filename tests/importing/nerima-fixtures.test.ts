import { decideCatalogueSteps, emptyCatalogue } from '@pdca/catalogue';
import type { CatalogueState } from '@pdca/catalogue';
import { parseImport, planImport, SECTION_ID_PATTERN } from '@pdca/importing';
import type { ImportPlan, ParsedImport } from '@pdca/importing';
import { fixtureFiles, options } from './support';

describe('importing the Nerima FY R4 fixtures', () => {
  let parsed: ParsedImport;
  let plan: ImportPlan;

  beforeAll(async () => {
    parsed = await parseImport(fixtureFiles());
    plan = planImport(parsed, emptyCatalogue(), options);
  });

  it('reads the three tables with their row numbers', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.files.map((f) => [f.name, f.tables[0], f.encoding])).toEqual([
      ['structure.csv', '構成', 'utf-8'],
      ['projects.csv', '取組', 'utf-8'],
      ['kpis.csv', '指標', 'utf-8'],
    ]);
    expect([parsed.structure.length, parsed.projects.length, parsed.kpis.length]).toEqual([28, 419, 120]);
    expect(parsed.projects[0]).toMatchObject({ table: '取組', row: 2, projectId: 'P01-001', plan: '1', rating: 'A' });
    expect(parsed.kpis.at(-1)?.row).toBe(121);
  });

  it('plans cleanly into an empty catalogue', () => {
    expect(plan.errors.slice(0, 5)).toEqual([]);
    expect(plan.valid).toBe(true);
    expect(plan.preview.commands).toEqual({
      RegisterSection: 44,
      RegisterPillar: 6,
      RegisterPlan: 22,
      RegisterProject: 383,
      SetAnnualPlan: 383,
      RegisterKpi: 120,
    });
    expect(plan.preview.repostPlacements).toBe(36);
    const sectionIds = plan.catalogueCommands
      .filter((c) => c.type === 'RegisterSection')
      .map((c) => (c.data as { sectionId: string }).sectionId);
    sectionIds.forEach((id) => expect(id).toMatch(SECTION_ID_PATTERN));
  });

  it('counts the 2022 ratings exactly as the published summary', () => {
    const [year] = plan.preview.fiscalYears;
    expect(plan.preview.fiscalYears).toHaveLength(1);
    expect(year).toMatchObject({ fiscalYear: 2022, projects: 383, kpis: 120, unrated: 0 });
    expect(year.ratings).toEqual({ 'A+': 21, A: 284, B: 33, '*': 34, '-': 11 });
    expect(year.bReasons).toEqual({ covid19: 4, town_development: 12, construction: 3, other: 14 });
    const projectRecords = plan.records.filter((r) => r.item.kind === 'project');
    expect(projectRecords).toHaveLength(383);
    expect(projectRecords.find((r) => r.item.itemId === 'P01-012')).toMatchObject({
      item: { wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId: 'P01-012' },
      actual: { kind: 'project', text: '工事 (遅延)' },
      rating: { scheme: 'nerima', grade: 'B', bReason: 'construction', note: expect.stringContaining('都営住宅') },
    });
    expect(plan.records.find((r) => r.item.itemId === 'K01-03')?.actual).toEqual({
      kind: 'kpi',
      value: { text: '9所 (定員485人) 〔計206所〕 〔定員計17,447人※〕', number: 9, unit: '所' },
      asOf: '令和5年4月1日現在',
    });
  });

  it('registers reposts as placements of the original, and KPIs with baseline and target', () => {
    const register = plan.catalogueCommands.find((c) => c.type === 'RegisterProject' && c.data.projectId === 'P04-004');
    expect(register?.data).toMatchObject({
      home: { planId: '4' },
      reposts: [expect.objectContaining({ planId: '1', sectionNo: '3(2)' }), expect.objectContaining({ planId: '3' })],
    });
    expect(plan.catalogueCommands.some((c) => c.type === 'RegisterProject' && c.data.projectId === 'P01-013')).toBe(
      false,
    );
    const kpi = plan.catalogueCommands.find((c) => c.type === 'RegisterKpi' && c.data.kpiId === 'K01-03');
    expect(kpi?.data).toMatchObject({
      planId: '1',
      kind: 'output',
      target: { value: { number: 206, unit: '所' }, asOf: '令和6年4月1日現在' },
      baseline: { asOf: '令和4年4月1日現在' },
    });
  });

  describe('applied to the catalogue', () => {
    let catalogue: CatalogueState;
    beforeAll(() => {
      catalogue = decideCatalogueSteps(plan.catalogueCommands, emptyCatalogue()).state;
    });

    it('gives the whole catalogue', () => {
      expect(Object.keys(catalogue.pillars)).toHaveLength(6);
      expect(Object.keys(catalogue.plans)).toHaveLength(22);
      expect(Object.keys(catalogue.projects)).toHaveLength(383);
      expect(Object.values(catalogue.projects).reduce((n, p) => n + p.reposts.length, 0)).toBe(36);
      expect(Object.keys(catalogue.kpis)).toHaveLength(120);
      expect(catalogue.projects['P01-012'].annualPlans[2022]).toEqual({
        projectId: 'P01-012',
        fiscalYear: 2022,
        target: '上石神井第三保育園の改築による定員増',
        statusAtPreviousYearEnd: '解体工事',
        planned: '工事',
      });
    });

    it('re-importing the same files decides nothing', async () => {
      const again = planImport(await parseImport(fixtureFiles()), catalogue, options);
      expect(again.errors).toEqual([]);
      expect(again.catalogueCommands).toEqual([]);
      expect(again.preview.changes).toEqual([]);
      expect(again.preview.unchanged).toBe(44 + 6 + 22 + 383 + 36 + 383 + 120);
      expect(again.records).toHaveLength(383 + 120);
    });

    it('re-importing edited files changes only what differs, field by field', async () => {
      const files = fixtureFiles().map((file) => ({
        ...file,
        data: Buffer.from(
          file.data
            .toString()
            .replace('子育てのひろば 計28か所', '子育てのひろば 計29か所')
            .replace('計8か所,令和5年度末,計7か所', '計9か所,令和5年度末,計7か所'),
        ),
      }));
      const edited = planImport(await parseImport(files), catalogue, options);
      expect(edited.errors).toEqual([]);
      expect(edited.catalogueCommands.map((c) => c.type)).toEqual(['ChangeProject', 'ChangeKpi']);
      expect(
        edited.preview.changes.map((c) => [c.kind, c.action, c.id, c.fields.map((f) => [f.label, f.before, f.after])]),
      ).toEqual([
        ['project', 'changed', 'P01-001', [['取組名', '子育てのひろば 計28か所', '子育てのひろば 計29か所']]],
        ['kpi', 'changed', 'K01-01', [['目標値', '計8か所', '計9か所']]],
      ]);
      expect(edited.preview.changes[0].summaryJa).toContain('「子育てのひろば 計28か所」→「子育てのひろば 計29か所」');
    });
  });
});

import { parseMeasuredValue } from '@pdca/kernel';
import { DEFAULT_B_REASONS } from '@pdca/review';
import type { EvaluationState, Scheme } from '@pdca/review';
import { buildSectionWorkbook } from './build-section-workbook';
import { currentValues, editableCells, statusCells } from './workbook-cells';
import { readSectionWorkbook } from './read-section-workbook';
import { readRowIntent } from './row-intent';
import { WORKBOOK_COLUMNS } from './workbook-columns';

const nerimaProject: EvaluationState = {
  status: 'returned',
  comments: '内訳を',
  late: false,
  actual: { kind: 'project', text: '9所（定員485人）' },
  sectionRating: { scheme: 'nerima', grade: 'B', bReason: 'town_development', note: '協議に時間を要した' },
};
const taishoProject: EvaluationState = {
  status: 'draft',
  draft: {
    actual: { kind: 'project', text: '実施' },
    rating: {
      scheme: 'taisho',
      achievement: 'B',
      performanceTarget: '満足度80%',
      withdrawalCriterion: '50%未満',
      withdrawalCriterionHit: false,
      note: '未達',
    },
  },
};
const kpi = (scheme: Scheme): EvaluationState => ({
  status: 'submitted',
  late: true,
  actual: { kind: 'kpi', value: parseMeasuredValue('年間2,221人'), asOf: '令和4年度末' },
  ...(scheme === 'taisho' ? { sectionRating: { scheme: 'taisho', achievement: 'A' } } : {}),
});

/** Downloaded, uploaded untouched: every row must read back as exactly the item's current values. */
async function roundTrip(scheme: Scheme, project: EvaluationState) {
  const rows = {
    取組: [{ itemId: 'P1', name: '取組', ...statusCells(project), ...editableCells(project, DEFAULT_B_REASONS) }],
    指標: [
      { itemId: 'K1', name: '指標', ...statusCells(kpi(scheme)), ...editableCells(kpi(scheme), DEFAULT_B_REASONS) },
    ],
  };
  const file = await buildSectionWorkbook({
    wardId: 'nerima',
    fiscalYear: 2022,
    scheme,
    sectionId: 'hoiku',
    sectionName: '保育課',
    bReasons: DEFAULT_B_REASONS,
    rows,
  });
  const read = await readSectionWorkbook({ name: 'workbook.xlsx', data: file }, scheme);
  expect(read.errors).toEqual([]);
  return read.rows.map((row) =>
    readRowIntent(row, row.sheet === '取組' ? 'project' : 'kpi', scheme, DEFAULT_B_REASONS),
  );
}

describe('the section workbook round trip', () => {
  it.each([
    ['nerima', nerimaProject],
    ['taisho', taishoProject],
  ] as const)('reads an untouched %s workbook back as the current values', async (scheme, project) => {
    const [projectRow, kpiRow] = await roundTrip(scheme, project);
    expect(projectRow).toEqual({ intent: { ...currentValues(project), submit: false }, errors: [] });
    expect(kpiRow).toEqual({ intent: { ...currentValues(kpi(scheme)), submit: true }, errors: [] });
  });

  it("shows the rating fields of the cycle's scheme and rates KPIs only under Taisho", () => {
    const editable = (scheme: Scheme, sheet: '取組' | '指標') =>
      WORKBOOK_COLUMNS[scheme][sheet].filter((c) => c.editable).map((c) => c.header);
    expect(editable('nerima', '取組')).toEqual(['実績', '進捗状況', 'Bの内訳', '備考', '提出']);
    expect(editable('nerima', '指標')).toEqual(['実績値', '時点', '提出']);
    expect(editable('taisho', '取組')).toEqual([
      '実績',
      '達成状況',
      '業績目標',
      '撤退基準',
      '撤退基準該当',
      '備考',
      '提出',
    ]);
    expect(editable('taisho', '指標')).toEqual(['実績値', '時点', '達成状況', '備考', '提出']);
  });
});

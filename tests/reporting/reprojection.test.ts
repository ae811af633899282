import { buildReportModel, ReportModel } from '@pdca/projections';
import { reprojectSummary, revisionProblems, RuleRevision } from '@pdca/reporting';
import { DEFAULT_B_REASONS } from '@pdca/review';
import { fyR4History } from './support/fy-r4-history';

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
};

const otherProjects = (model: ReportModel) =>
  model.pillars
    .flatMap((p) => p.plans.flatMap((plan) => plan.projects))
    .filter((row) => !row.repost && row.rating?.scheme === 'nerima' && row.rating.bReason === 'other')
    .map((row) => row.projectId);

describe('re-projection: a past year under revised rules, side by side, nothing rewritten', () => {
  it('given FY R4 and a revision that splits その他 and merges two categories, the table is recounted and the original kept', async () => {
    const { ward, events, wardId, fiscalYear } = await fyR4History();
    const model = deepFreeze(buildReportModel(ward, wardId, fiscalYear)!);
    const stored = JSON.stringify(events);
    const moved = otherProjects(model).slice(0, 3);
    const revision: RuleRevision = {
      name: '第2期計画の区分',
      bReasons: [
        { code: 'covid19', label: '新型コロナウイルス感染症の影響' },
        { code: 'schedule', label: 'まちづくり・工事等の進捗による予定変更' },
        { code: 'staffing', label: '人員の確保によるもの' },
        { code: 'other', label: 'その他' },
      ],
      bReasonMap: { covid19: 'covid19', town_development: 'schedule', construction: 'schedule', other: 'other' },
      assign: Object.fromEntries(moved.map((id) => [id, 'staffing'])),
      gradeLabels: { 'A+': '計画を上回って進んだもの' },
    };
    expect(revisionProblems(revision, DEFAULT_B_REASONS)).toEqual([]);
    const side = reprojectSummary(model, revision, '令和4年度')!;
    const counts = (rows: Array<{ key: string; count: number }>) =>
      Object.fromEntries(rows.map((r) => [r.key, r.count]));
    expect(counts(side.original.bReasons)).toEqual({ covid19: 4, town_development: 12, construction: 3, other: 14 });
    expect(counts(side.revised.bReasons)).toEqual({ covid19: 4, schedule: 15, staffing: 3, other: 11 });
    expect(counts(side.revised.rows)).toEqual(counts(side.original.rows)); // grades are not re-rated
    expect(side.revised.total).toBe(383);
    expect(side.revised.rows.find((r) => r.key === 'A+')!.label).toBe('計画を上回って進んだもの');
    expect(side.original.rows.find((r) => r.key === 'A+')!.label).not.toBe('計画を上回って進んだもの');
    expect(side.moves).toHaveLength(15 + 3);
    expect(JSON.stringify(events)).toBe(stored); // the stored events, byte for byte
  }, 60_000);

  it('names the field of a revision that leaves an old category without a home or maps to an unknown one', () => {
    const problems = revisionProblems(
      {
        name: '改定',
        bReasons: [{ code: 'other', label: 'その他' }],
        bReasonMap: { covid19: 'pandemic', other: 'other' },
      },
      DEFAULT_B_REASONS,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'bReasonMap.covid19',
      'bReasonMap.town_development',
      'bReasonMap.construction',
    ]);
    expect(problems.every((p) => p.ja && p.en)).toBe(true);
  });
});

import { emptyCatalogue } from '@pdca/catalogue';
import type { PlanPlacement } from '@pdca/catalogue';
import { parseImport, planImport } from '@pdca/importing';
import type { ImportPlan, ParsedImport } from '@pdca/importing';
import { fixtureFiles, options } from './support';

/** Every repost placement the import decides, by the plan and heading it is printed under. */
function repostsOf(plan: ImportPlan): Map<string, PlanPlacement & { projectId: string }> {
  const placements = new Map<string, PlanPlacement & { projectId: string }>();
  for (const command of plan.catalogueCommands) {
    if (command.type === 'RegisterProject')
      for (const placement of command.data.reposts ?? [])
        placements.set(`${placement.planId} ${placement.sectionNo} ${command.data.projectId}`, {
          ...placement,
          projectId: command.data.projectId,
        });
    if (command.type === 'RepostProject')
      placements.set(`${command.data.placement.planId} ${command.data.placement.sectionNo} ${command.data.projectId}`, {
        ...command.data.placement,
        projectId: command.data.projectId,
      });
  }
  return placements;
}

describe('reposts (再掲) of the FY R4 reference: their own labels, the part they cover, ratings checked', () => {
  let parsed: ParsedImport;
  let plan: ImportPlan;

  beforeAll(async () => {
    parsed = await parseImport(fixtureFiles());
    plan = planImport(parsed, emptyCatalogue(), options);
  });

  it('given the reference, when planned, then each repost keeps its printed name without the 【…再掲】 tag', () => {
    const reposts = repostsOf(plan);
    expect(reposts.size).toBe(36);
    // Plan 12 関連5⑨: one road of plan 11's merged 貫井・富士見台地区 group, under its own name.
    expect(reposts.get('12 関連5⑨ P11-001')?.label).toBe('練馬主要区道2号線 (貫井・富士見台地区A路線) 用地買収(一部)');
    // Plan 13 prints plan 12's 上石神井駅交通広場 as 交通広場の整備.
    expect(reposts.get('13 1(1)③ P12-010')?.label).toBe('交通広場の整備 用地買収(一部)');
    // A whole reposted section (8-5) prints the original's name as it is.
    expect(reposts.get('8 5① P02-009')?.label).toBe('虐待の再発防止等支援事業の実施');
    const labels = [...reposts.values()].map((r) => r.label ?? '');
    expect(labels.filter((label) => /再掲/.test(label))).toEqual([]);
    expect(labels.filter((label) => label === '')).toEqual([]);
  });

  it('given the reference, when planned, then a repost of part of its original says which part', () => {
    const reposts = repostsOf(plan);
    // 【戦略計画9-3の一部再掲】: the part is what the repost prints as its target.
    expect(reposts.get('5 3(2) P09-008')?.part).toBe('工事(一部)');
    // One line of a merged group: the original's line that the repost's label names (A路線, not 1号線).
    expect(reposts.get('12 関連5⑨ P11-001')?.part).toBe('A路線 用地買収(一部)');
    // A whole repost names no part.
    expect(reposts.get('13 1(1)③ P12-010')?.part).toBeUndefined();
    expect(
      [...reposts.values()]
        .filter((r) => r.part !== undefined)
        .map((r) => r.projectId)
        .sort(),
    ).toEqual(['P09-008', 'P11-001']);
  });

  it('given reposts printed with another rating than their original, when planned, then the preview warns and the import stays valid', () => {
    expect(plan.valid).toBe(true);
    expect(plan.preview.warnings.map((w) => [w.table, w.row, w.column, w.value, w.code])).toEqual([
      ['取組', rowOf('P12-055'), '進捗状況', '*', 'REPOST_RATING_DIFFERS'],
      ['取組', rowOf('P12-065'), '進捗状況', '*', 'REPOST_RATING_DIFFERS'],
    ]);
    expect(plan.preview.warnings[0].messageJa).toContain('P11-001');
    expect(plan.preview.warnings[0].messageJa).toContain('「A」');
    expect(plan.preview.warnings[0].messageEn).toContain("original's rating (A)");
    // Counted once, as the original: the published summary still matches.
    expect(plan.preview.fiscalYears[0].ratings).toEqual({ 'A+': 21, A: 284, B: 33, '*': 34, '-': 11 });
  });

  const rowOf = (projectId: string) => parsed.projects.find((row) => row.projectId === projectId)?.row;
});

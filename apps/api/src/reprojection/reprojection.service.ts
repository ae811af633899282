import { Injectable } from '@nestjs/common';
import { invalid, ruleViolation, warekiFiscalYear } from '@pdca/kernel';
import { reprojectSummary, revisionProblems, RuleRevision, SideBySide } from '@pdca/reporting';
import { ProjectionsService } from '../projections/projections.service';
import { ReportsService } from '../reports/reports.service';

/**
 * A past year counted under revised rules beside its own, computed when asked: no event is
 * written or changed, and a published year is read as published (its latest version).
 */
@Injectable()
export class ReprojectionService {
  constructor(
    private readonly reports: ReportsService,
    private readonly projections: ProjectionsService,
  ) {}

  async sideBySide(wardId: string, fiscalYear: number, revision: RuleRevision): Promise<SideBySide> {
    const cycle = this.projections.ward(wardId).cycles.get(fiscalYear)?.cycle;
    const model = this.reports.publishedYears(wardId).includes(fiscalYear)
      ? (await this.reports.publishedVersion(wardId, fiscalYear)).model
      : this.reports.current(wardId, fiscalYear);
    const oldReasons = cycle && cycle.status !== 'not_opened' ? cycle.bReasons : [];
    const [problem] = revisionProblems(revision, oldReasons);
    if (problem) throw invalid('RULE_REVISION_INVALID', problem.ja, problem.en, { field: problem.field });
    const result = reprojectSummary(model, revision, warekiFiscalYear(fiscalYear));
    if (!result)
      throw ruleViolation(
        'REPROJECTION_NEEDS_B_REASONS',
        'この年度の評価方式にはBの内訳がありません。',
        "This year's rating scheme has no B reasons to revise.",
        { field: 'bReasons' },
      );
    return result;
  }
}

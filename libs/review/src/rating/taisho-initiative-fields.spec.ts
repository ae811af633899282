import { deciderSpec } from '@pdca/kernel/testing';
import type { Actor } from '@pdca/kernel';
import type { EvaluationCommand, EvaluationContext } from '../evaluation/evaluation.commands';
import { evaluationDecider } from '../evaluation/evaluation.decide';
import type { TaishoRating } from './rating';

const staff: Actor = { userId: 'kuseikaikaku-1', role: 'section_staff', wardId: 'taisho', sectionId: 'kuseikaikaku' };
const contextFor = (kind: 'project' | 'kpi', itemId: string): EvaluationContext => ({
  actor: staff,
  item: {
    wardId: 'taisho',
    fiscalYear: 2016,
    kind,
    itemId,
    sectionId: 'kuseikaikaku',
    notSuitedForShortTermEvaluation: false,
    nothingPlanned: false,
  },
  cycle: { status: 'open', scheme: 'taisho', deadline: '2017-05-31T14:59:59.999Z', bReasons: [] },
  now: '2017-05-10T01:00:00.000Z',
});
const initiative = contextFor('project', 'T-2-1-5');
const indicator = contextFor('kpi', 'TK-2-1');
const ref = (context: EvaluationContext) => ({
  wardId: 'taisho',
  fiscalYear: 2016,
  kind: context.item.kind,
  itemId: context.item.itemId,
});
const sns = {
  scheme: 'taisho',
  achievement: 'B',
  performanceTarget: '区の取組に関して、必要な情報が発信されていると感じる区民の割合80%',
  implementedAsPlanned: true,
  issues: 'フェイスブックのアカウント障害が7月中頃から12月中頃まで発生し、目標値に届かなかった。',
  improvements: '掲載頻度を上げ、くらしの制度、子育て・健康情報など身近な情報も掲載する。',
  note: 'SNS の目標値に届かなかった。',
} as const satisfies TaishoRating;
const rate = (rating: TaishoRating, context: EvaluationContext) =>
  ({ type: 'RateItem', data: { rating }, context }) as EvaluationCommand;
const submitted = (context: EvaluationContext) => ({
  type: 'ActualSubmitted' as const,
  data: {
    item: ref(context),
    sectionId: 'kuseikaikaku',
    actual:
      context.item.kind === 'kpi'
        ? { kind: 'kpi' as const, value: { text: '88.1%' }, asOf: '平成28年度末' }
        : { kind: 'project' as const, text: '広報紙の全戸配付' },
    late: false,
    submittedAt: '2017-05-09T01:00:00.000Z',
  },
});
const given = deciderSpec(evaluationDecider).given;

/** Seed 004's 具体的取組 sheet: the section writes each initiative's 課題 and 改善策, and whether it went as planned. */
describe('Taisho: the section records 課題・改善策 and 予定どおり実施 per initiative', () => {
  it('given a submitted initiative, when the section rates it with 課題 and 改善策, then the rating carries them', () => {
    given([submitted(initiative)])
      .when(rate(sns, initiative))
      .then([{ type: 'ItemRated', data: { item: ref(initiative), rating: sns } }]);
  });

  it('given a submitted initiative, when an 改善策 comes without its 課題, then rating.issues is required', () => {
    const { issues: _omitted, ...withoutIssues } = sns;
    given([submitted(initiative)])
      .when(rate(withoutIssues, initiative))
      .thenThrows('FIELD_REQUIRED');
  });

  it("given a submitted indicator, when it is rated with 課題, then it is refused: those are the strategy's", () => {
    given([submitted(indicator)])
      .when(rate({ scheme: 'taisho', achievement: 'A', issues: '回答率が低い。' }, indicator))
      .thenThrows('INITIATIVE_FIELD_NOT_FOR_KPI');
  });

  it('given a submitted indicator, when it is rated A alone, then it is rated', () => {
    const rating: TaishoRating = { scheme: 'taisho', achievement: 'A' };
    given([submitted(indicator)])
      .when(rate(rating, indicator))
      .then([{ type: 'ItemRated', data: { item: ref(indicator), rating } }]);
  });

  it('given a submitted initiative, when it hit its withdrawal criterion yet says A, then it is refused (422)', () => {
    given([submitted(initiative)])
      .when(
        rate(
          { ...sns, achievement: 'A', withdrawalCriterion: '50%未満なら再構築', withdrawalCriterionHit: true },
          initiative,
        ),
      )
      .thenThrows('WITHDRAWAL_CRITERION_HIT_REQUIRES_B');
  });
});

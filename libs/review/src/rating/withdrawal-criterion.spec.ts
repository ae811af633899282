import { deciderSpec } from '@pdca/kernel/testing';
import type { Actor } from '@pdca/kernel';
import { DomainError } from '@pdca/kernel';
import type { EvaluationCommand, EvaluationContext } from '../evaluation/evaluation.commands';
import { evaluationDecider } from '../evaluation/evaluation.decide';
import type { TaishoRating } from './rating';
import { assertValidRating } from './rating.rules';

const staff: Actor = { userId: 'kuseikaikaku-1', role: 'section_staff', wardId: 'taisho', sectionId: 'kuseikaikaku' };
const item = { wardId: 'taisho', fiscalYear: 2016, kind: 'project' as const, itemId: 'T-7-1-1' };
const context: EvaluationContext = {
  actor: staff,
  item: { ...item, sectionId: 'kuseikaikaku', notSuitedForShortTermEvaluation: false, nothingPlanned: false },
  cycle: { status: 'open', scheme: 'taisho', deadline: '2017-05-31T14:59:59.999Z', bReasons: [] },
  now: '2017-05-10T01:00:00.000Z',
};
const hit = {
  performanceTarget: '支援を感じる人の割合 80%以上',
  withdrawalCriterion: '50%以下の場合事業再構築',
  withdrawalCriterionHit: true,
};
const submit = (rating: TaishoRating) =>
  ({
    type: 'SubmitActual',
    data: { actual: { kind: 'project', text: '活動支援409回' }, rating },
    context,
  }) as EvaluationCommand;
const given = deciderSpec(evaluationDecider).given;
const project = { kind: 'project' as const, notSuitedForShortTermEvaluation: false, nothingPlanned: false };

/** Seed 004: hitting the withdrawal criterion (撤退基準) means the initiative did not achieve its target. */
describe('Taisho: a withdrawal criterion hit cannot go with achievement A', () => {
  it('given an open item, when the section submits A with the criterion hit, then it is refused', () => {
    given([])
      .when(submit({ scheme: 'taisho', achievement: 'A', ...hit }))
      .thenThrows('WITHDRAWAL_CRITERION_HIT_REQUIRES_B');
  });

  it('names the field and says why in Japanese and English (a 422 rule violation)', () => {
    let error: unknown;
    try {
      assertValidRating({ scheme: 'taisho', achievement: 'A', ...hit }, 'taisho', project, { bReasons: [] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const refused = error as DomainError;
    expect(refused.kind).toBe('rule');
    expect(refused.details).toMatchObject({ field: 'rating.achievement' });
    expect(refused.messageJa).toContain('撤退基準');
    expect(refused.messageJa).toContain('B');
    expect(refused.messageEn).toContain('withdrawal criterion');
  });

  it('given an open item, when the section submits B with the criterion hit and a note, then it is rated', () => {
    expect(() =>
      assertValidRating(
        { scheme: 'taisho', achievement: 'B', ...hit, note: '50%を下回ったため再構築する。' },
        'taisho',
        project,
        { bReasons: [] },
      ),
    ).not.toThrow();
  });

  it('given an open item, when the section submits A with the criterion not hit, then it is rated', () => {
    expect(() =>
      assertValidRating(
        { scheme: 'taisho', achievement: 'A', ...hit, withdrawalCriterionHit: false },
        'taisho',
        project,
        { bReasons: [] },
      ),
    ).not.toThrow();
  });
});

import { emptyRatingInput, ratingFrom, ratingInputFrom, ratingProblems } from '../../apps/web/src/items/rating-input';

const t = (key: string) => key;
const input = { ...emptyRatingInput(), achievement: 'B' as const, note: '目標値に届かなかった。' };

/** The form's own check of Taisho's rules: each error is tied to the field it concerns. */
describe('Taisho rating form: 課題・改善策 and the withdrawal contradiction', () => {
  it('given A with the withdrawal criterion hit, then the error sits on rating.achievement', () => {
    const problems = ratingProblems(
      { ...input, achievement: 'A', withdrawalCriterion: '50%未満', withdrawalCriterionHit: true },
      'taisho',
      t,
    );
    expect(problems).toEqual({ 'rating.achievement': 'rating.rule.withdrawalHitNeedsB' });
  });

  it('given an 改善策 without its 課題, then the error sits on rating.issues', () => {
    expect(ratingProblems({ ...input, improvements: '掲載頻度を上げる。' }, 'taisho', t)).toEqual({
      'rating.issues': 'rating.rule.issuesForImprovements',
    });
  });

  it('sends 課題, 改善策 and 予定どおり実施 only when given, and reads them back', () => {
    const rating = ratingFrom(
      { ...input, implementedAsPlanned: 'no', issues: '障害が発生した。', improvements: '掲載頻度を上げる。' },
      'taisho',
    );
    expect(rating).toMatchObject({
      implementedAsPlanned: false,
      issues: '障害が発生した。',
      improvements: '掲載頻度を上げる。',
    });
    expect(ratingInputFrom(rating)).toMatchObject({
      implementedAsPlanned: 'no',
      issues: '障害が発生した。',
      improvements: '掲載頻度を上げる。',
    });
    expect(ratingFrom(input, 'taisho')).not.toHaveProperty('issues');
    expect(ratingFrom(input, 'taisho')).not.toHaveProperty('implementedAsPlanned');
  });
});

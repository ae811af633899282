import { achievementPercent, parseMeasuredValue } from './measured-value';
import {
  comparableAchievementPercent,
  comparableFigure,
  comparableShareOfTarget,
  figuresOf,
} from './comparable-figure';

describe('the figure of a KPI value that compares with its target (FY R4 rows)', () => {
  it('reads every figure with the words before it and its unit, one per bracketed piece', () => {
    expect(figuresOf('9所 (定員485人) 〔計206所〕 〔定員計17,447人※〕')).toEqual([
      { prefix: '', number: 9, unit: '所' },
      { prefix: '定員', number: 485, unit: '人' },
      { prefix: '計', number: 206, unit: '所' },
      { prefix: '定員計', number: 17447, unit: '人※' },
    ]);
    expect(figuresOf('検討')).toEqual([]);
  });

  it('given a year written as its increment with the total in brackets, compares the total with a total target', () => {
    // K01-03: the leading figure (9) made −2088.9 % under the old rule.
    const [baseline, target, actual] = [
      '計197所 〔定員16,780人〕',
      '計206所 〔定員17,341人〕',
      '9所 (定員485人) 〔計206所〕',
    ];
    expect(
      achievementPercent(parseMeasuredValue(baseline), parseMeasuredValue(target), parseMeasuredValue(actual)),
    ).toBe(-2088.9);
    expect(comparableAchievementPercent(baseline, target, actual)).toBe(100);
    expect(comparableShareOfTarget(actual, target)).toBe(100);
    expect(comparableAchievementPercent('計29件', '計49件', '3件 〔計32件〕')).toBe(15);
    expect(comparableAchievementPercent('導入計1か所', '導入計2か所', '導入1か所 〔導入計2か所〕')).toBe(100);
    expect(comparableAchievementPercent('計6か所', '計8か所', '1か所開始 〔計7か所〕')).toBe(50);
  });

  it('keeps what the old rule computed right, and gives none where nothing is written like the target', () => {
    expect(comparableAchievementPercent('年間2,059人', '年間2,500人', '年間2,221人')).toBe(36.7);
    expect(comparableAchievementPercent('実施 〔6コース〕', '充実 〔7コース〕', '充実 〔7コース〕')).toBe(100);
    expect(comparableAchievementPercent('計7か所', '計8か所', '検討')).toBeUndefined();
    expect(comparableAchievementPercent('100%', '100%', '100%')).toBeUndefined(); // target = baseline
    // An increment alone is never taken for a total: 計 on the target, none on the value.
    expect(comparableFigure('1か所', '計8か所')).toBeUndefined();
    // A total is comparable to a target written without 計.
    expect(comparableFigure('開院(115床増) 〔計457床〕', '457床 〔115床増〕')).toBe(457);
  });
});

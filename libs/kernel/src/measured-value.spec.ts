import { achievementPercent, parseMeasuredValue } from './measured-value';

describe('measured values as wards write them', () => {
  it.each([
    ['計206所', { number: 206, unit: '所' }],
    ['年間2,221人', { number: 2221, unit: '人' }],
    ['92.1%', { number: 92.1, unit: '%' }],
    ['計8か所', { number: 8, unit: 'か所' }],
    ['１２０人', { number: 120, unit: '人' }],
  ])('reads %s as a number with a unit', (text, expected) => {
    expect(parseMeasuredValue(text)).toEqual({ text, ...expected });
  });

  it.each(['検討', '実施', '策定', '—'])('keeps words such as %s as text only', (text) => {
    expect(parseMeasuredValue(text)).toEqual({ text });
  });

  it('computes achievement between baseline and target', () => {
    const v = parseMeasuredValue;
    expect(achievementPercent(v('計197所'), v('計206所'), v('計206所'))).toBe(100);
    expect(achievementPercent(v('年間2,059人'), v('年間2,500人'), v('年間2,221人'))).toBe(36.7);
    expect(achievementPercent(v('計7か所'), v('計8か所'), v('検討'))).toBeUndefined();
    expect(achievementPercent(v('計7か所'), v('8人'), v('8人'))).toBeUndefined();
  });
});

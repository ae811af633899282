import { allSwatches, contrastRatio, INK, MUTED_INK } from './palette';

describe('chart palette', () => {
  it('keeps text on every fill at WCAG AA contrast (4.5:1)', () => {
    for (const swatch of allSwatches()) expect(contrastRatio(swatch.text, swatch.fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps lines and text on white distinguishable (3:1 for graphics, 4.5:1 for text)', () => {
    for (const swatch of allSwatches()) expect(contrastRatio(swatch.stroke, '#ffffff')).toBeGreaterThanOrEqual(3);
    for (const ink of [INK, MUTED_INK]) expect(contrastRatio(ink, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

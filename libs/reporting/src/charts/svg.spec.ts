import { chartSvg } from './svg';
import { fitText, textWidth } from './scene';

describe('chartSvg', () => {
  it('labels the chart for assistive technology and escapes every text', () => {
    const svg = chartSvg({
      id: 'c1',
      title: '<b>A & B</b>',
      description: '"quoted"',
      width: 100,
      height: 20,
      shapes: [
        { kind: 'text', x: 1, y: 2, text: '</text><script>x</script>', size: 10, fill: '#000000', anchor: 'middle' },
      ],
    });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc">/);
    expect(svg).toContain(
      '<title id="c1-title">&lt;b&gt;A &amp; B&lt;/b&gt;</title><desc id="c1-desc">&quot;quoted&quot;</desc>',
    );
    expect(svg).toContain('text-anchor="middle">&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;</text>');
    expect(svg).not.toContain('<script>');
  });

  it('draws markers with the same geometry the PDF uses', () => {
    const svg = chartSvg({
      id: 'm',
      title: 't',
      description: 'd',
      width: 10,
      height: 10,
      shapes: [{ kind: 'marker', shape: 'square', x: 5, y: 5, size: 4, fill: '#fff', stroke: '#000' }],
    });
    expect(svg).toContain('<polygon points="3,3 7,3 7,7 3,7" fill="#fff" stroke="#000" stroke-width="1"/>');
  });
});

describe('text fitting', () => {
  it('counts full-width characters as 1em and others as about 0.6em', () => {
    expect(textWidth('計画', 10)).toBe(20);
    expect(textWidth('A+ 1', 10)).toBeCloseTo(24);
    expect(textWidth('髙﨑', 10)).toBe(20);
  });

  it('cuts long labels with an ellipsis', () => {
    expect(fitText('子育てのかたちを選択できる社会の実現', 10, 60)).toBe('子育てのか…');
    expect(fitText('短い', 10, 60)).toBe('短い');
  });
});

import { escapeHtml } from '../html/escape';
import { markerGeometry } from './marker-geometry';
import type { Chart, Shape } from './scene';

/**
 * Hand-written SVG rather than a charting library: vega/vega-lite (the usual server-side choice)
 * ship as ES modules only since vega 6, which this CommonJS build and its jest setup cannot load,
 * and pull in some 25 packages for three chart types drawn from a handful of rectangles and lines.
 */
const n = (value: number) => String(Math.round(value * 100) / 100);

export function chartSvg(chart: Chart): string {
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${n(chart.width)} ${n(chart.height)}" width="${n(chart.width)}" height="${n(chart.height)}" role="img" aria-labelledby="${escapeHtml(titleId)} ${escapeHtml(descId)}">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(chart.title)}</title>`,
    `<desc id="${escapeHtml(descId)}">${escapeHtml(chart.description)}</desc>`,
    ...chart.shapes.map(shapeSvg),
    '</svg>',
  ].join('');
}

function shapeSvg(shape: Shape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" fill="${shape.fill}"${shape.stroke ? ` stroke="${shape.stroke}" stroke-width="0.75"` : ''}/>`;
    case 'text': {
      const anchor = shape.anchor && shape.anchor !== 'start' ? ` text-anchor="${shape.anchor}"` : '';
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${shape.size}" fill="${shape.fill}" dominant-baseline="central"${anchor}>${escapeHtml(shape.text)}</text>`;
    }
    case 'line': {
      const dash = shape.dash ? ` stroke-dasharray="${shape.dash.join(' ')}"` : '';
      return `<polyline points="${shape.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${shape.stroke}" stroke-width="${shape.width}"${dash}/>`;
    }
    case 'marker': {
      const geometry = markerGeometry(shape.shape, shape.x, shape.y, shape.size);
      const paint = `fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="1"`;
      if ('circle' in geometry)
        return `<circle cx="${n(geometry.circle.cx)}" cy="${n(geometry.circle.cy)}" r="${n(geometry.circle.r)}" ${paint}/>`;
      return `<polygon points="${geometry.polygon.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" ${paint}/>`;
    }
  }
}

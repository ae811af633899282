import type { Chart } from '../charts/scene';
import { chartSvg } from '../charts/svg';
import { escapeHtml } from './escape';

/** A chart with a visible caption; the SVG itself carries the data in words for screen readers. */
export const figureHtml = (chart: Chart | undefined): string =>
  chart ? `<figure>${chartSvg(chart)}<figcaption>${escapeHtml(chart.title)}</figcaption></figure>` : '';

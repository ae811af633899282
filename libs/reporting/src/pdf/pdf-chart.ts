import { markerGeometry } from '../charts/marker-geometry';
import type { Chart, Shape } from '../charts/scene';
import { CONTENT_WIDTH, PAGE, PdfCursor } from './pdf-page';

/** Draws a chart's shapes as PDF vectors, scaled to the text width; the same scene the page shows as SVG. */
export function drawChart(cursor: PdfCursor, chart: Chart): void {
  const scale = Math.min(1, CONTENT_WIDTH / chart.width);
  cursor.ensure(chart.height * scale + 8);
  const { doc } = cursor;
  doc.save();
  doc.translate(PAGE.margin, cursor.y).scale(scale);
  chart.shapes.forEach((shape) => drawShape(cursor, shape));
  doc.restore();
  cursor.y += chart.height * scale + 12;
}

function drawShape(cursor: PdfCursor, shape: Shape): void {
  const { doc } = cursor;
  switch (shape.kind) {
    case 'rect':
      doc.lineWidth(0.75).rect(shape.x, shape.y, shape.width, shape.height);
      if (shape.stroke) doc.fillAndStroke(shape.fill, shape.stroke);
      else doc.fill(shape.fill);
      return;
    case 'text': {
      doc.font(cursor.fontName).fontSize(shape.size).fillColor(shape.fill);
      const text = cursor.printable(shape.text);
      const width = doc.widthOfString(text);
      const x = shape.anchor === 'middle' ? shape.x - width / 2 : shape.anchor === 'end' ? shape.x - width : shape.x;
      doc.text(text, x, shape.y, { lineBreak: false, baseline: 'middle' });
      return;
    }
    case 'line': {
      const [[x0, y0], ...rest] = shape.points;
      doc.lineWidth(shape.width).moveTo(x0, y0);
      rest.forEach(([x, y]) => doc.lineTo(x, y));
      if (shape.dash) doc.dash(shape.dash[0], { space: shape.dash[1] });
      doc.stroke(shape.stroke).undash();
      return;
    }
    case 'marker': {
      const geometry = markerGeometry(shape.shape, shape.x, shape.y, shape.size);
      doc.lineWidth(1);
      if ('circle' in geometry) doc.circle(geometry.circle.cx, geometry.circle.cy, geometry.circle.r);
      else doc.polygon(...geometry.polygon);
      doc.fillAndStroke(shape.fill, shape.stroke);
      return;
    }
  }
}

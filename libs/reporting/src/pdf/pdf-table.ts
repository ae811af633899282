import { cellText, Row, RowKind, spanOf, Table } from '../tables/table';
import { CONTENT_WIDTH, PAGE, PdfCursor } from './pdf-page';

const SIZE = 7.5;
const CAPTION_SIZE = 9.5;
const PAD = 3;
const BORDER = '#5a5a5a';
const FILLS: Partial<Record<RowKind | 'header', string>> = { header: '#dde6f0', group: '#eeeeee', repost: '#f4f1ea' };

interface Laid {
  texts: string[];
  xs: number[];
  widths: number[];
  numeric: boolean[];
}

/** A table that may run over pages: caption and header row are drawn again at the top of each page. */
export function drawTable(cursor: PdfCursor, table: Table): void {
  const scale = CONTENT_WIDTH / table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => column.width * scale);
  const starts = widths.map((_, i) => PAGE.margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const header: Laid = {
    texts: table.columns.map((c) => c.header),
    xs: starts,
    widths,
    numeric: table.columns.map(() => false),
  };
  const headerHeight = rowHeight(cursor, header);
  const headHeight = CAPTION_SIZE * 1.8 + headerHeight;
  const rows = table.rows.map((row) => {
    const laid = layRow(table, row, starts, widths);
    // A row taller than a page is clipped rather than lost: pdfkit cannot split one cell across pages.
    return { kind: row.kind, laid, height: Math.min(rowHeight(cursor, laid), cursor.pageHeight - headHeight) };
  });
  const total = headHeight + rows.reduce((sum, row) => sum + row.height, 0);
  // A row needs room for the rows that must share its page: one row, or (keepWithNext) its unbreakable run.
  const room = cursor.keepWithNext
    ? (i: number) => runHeight(rows, i, cursor.pageHeight - headHeight)
    : (i: number) => rows[i].height;
  // A table that fits on one page is kept whole; a longer one starts with at least its first row (or run).
  cursor.ensure(total <= cursor.pageHeight ? total : headHeight + (rows.length ? room(0) : 0));
  drawHead(cursor, table.caption, header, headerHeight);
  rows.forEach((row, i) => {
    if (cursor.ensure(room(i))) drawHead(cursor, `${table.caption}（続き）`, header, headerHeight);
    drawRow(cursor, row.laid, row.height, row.kind);
  });
  cursor.y += 10;
}

/**
 * report-template/5: the rows that must stand on one page with row `i`, so that no page ends with a
 * numbered section's heading row (a group row goes with the row after it), with a table's first row
 * alone (the first two rows go together), or begins with its last row alone (the last two go together).
 * Capped at a page, where the rows are placed one by one as before.
 */
function runHeight(rows: Array<{ kind: RowKind; height: number }>, i: number, page: number): number {
  let end = i;
  const extendPast = (kind: RowKind) => {
    while (end < rows.length - 1 && rows[end].kind === kind) end++;
  };
  extendPast('group');
  if (i === 0 && end < rows.length - 1) {
    end++;
    extendPast('group');
  }
  const bodyAfter = rows.slice(end + 1).filter((row) => row.kind !== 'group').length;
  if (bodyAfter === 1) end = rows.length - 1;
  const height = rows.slice(i, end + 1).reduce((sum, row) => sum + row.height, 0);
  return height <= page ? height : rows[i].height;
}

function drawHead(cursor: PdfCursor, caption: string, header: Laid, height: number): void {
  cursor.write(caption, PAGE.margin, cursor.y, { size: CAPTION_SIZE, width: CONTENT_WIDTH });
  cursor.y += CAPTION_SIZE * 1.8;
  drawRow(cursor, header, height, 'header');
}

/** Cells after a spanned header cell shift right by the span. */
function layRow(table: Table, row: Row, starts: number[], widths: number[]): Laid {
  const span = spanOf(row, table.columns.length);
  const spanWidth = widths.slice(0, span).reduce((a, b) => a + b, 0);
  const [first, ...rest] = row.cells;
  return {
    texts: [row.headerAsAbove ? '' : cellText(first), ...rest.map(cellText)],
    xs: [starts[0], ...rest.map((_, i) => starts[span + i])],
    widths: [spanWidth, ...rest.map((_, i) => widths[span + i])],
    numeric: [false, ...rest.map((_, i) => table.columns[span + i]?.numeric ?? false)],
  };
}

function rowHeight(cursor: PdfCursor, laid: Laid): number {
  return Math.max(...laid.texts.map((text, i) => cursor.textHeight(text, SIZE, laid.widths[i] - 2 * PAD))) + 2 * PAD;
}

function drawRow(cursor: PdfCursor, laid: Laid, height: number, kind: RowKind | 'header'): void {
  const { doc } = cursor;
  laid.texts.forEach((text, i) => {
    const fill = FILLS[kind];
    doc.lineWidth(kind === 'total' ? 1.2 : 0.5);
    doc.rect(laid.xs[i], cursor.y, laid.widths[i], height);
    if (fill) doc.fillAndStroke(fill, BORDER);
    else doc.stroke(BORDER);
    cursor.write(text, laid.xs[i] + PAD, cursor.y + PAD, {
      size: SIZE,
      width: laid.widths[i] - 2 * PAD,
      height: height - 2 * PAD,
      align: laid.numeric[i] ? 'right' : 'left',
    });
  });
  cursor.y += height;
}

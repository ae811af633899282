import { Cell, cellText, Row, spanOf, Table } from '../tables/table';
import { escapeHtml } from './escape';

/**
 * A semantic table: caption, column headers with scope, the first cell of each row as its header,
 * numbered sections as row groups (one tbody each), 合計 in tfoot.
 */
export function tableHtml(table: Table, className = 'report-table', linkOf?: (cellKey: string) => string): string {
  const head = `<thead><tr>${table.columns.map((column) => `<th scope="col"${column.numeric ? ' class="num"' : ''}>${escapeHtml(column.header)}</th>`).join('')}</tr></thead>`;
  const bodies: string[][] = [[]];
  const foot: string[] = [];
  for (const row of table.rows) {
    if (row.kind === 'total') foot.push(rowHtml(table, row, linkOf));
    else if (row.kind === 'group') bodies.push([rowHtml(table, row, linkOf)]);
    else bodies[bodies.length - 1].push(rowHtml(table, row, linkOf));
  }
  const tbody = bodies
    .filter((rows) => rows.length > 0)
    .map((rows) => `<tbody>${rows.join('')}</tbody>`)
    .join('');
  return [
    `<table id="${escapeHtml(table.id)}" class="${className}">`,
    `<caption>${escapeHtml(table.caption)}</caption>`,
    colgroup(table),
    head,
    tbody,
    foot.length ? `<tfoot>${foot.join('')}</tfoot>` : '',
    '</table>',
  ].join('');
}

function rowHtml(table: Table, row: Row, linkOf?: (cellKey: string) => string): string {
  const span = spanOf(row, table.columns.length);
  const colspan = span > 1 ? ` colspan="${span}"` : '';
  if (row.kind === 'group')
    return `<tr class="group"><th scope="rowgroup"${colspan}>${escapeHtml(cellText(row.cells[0]))}</th></tr>`;
  const [first, ...rest] = row.cells;
  const href = row.cellKey && linkOf ? linkOf(row.cellKey) : undefined;
  const cells = rest.map((cell, i) => cellHtml(cell, table.columns[span + i]?.numeric ?? false, href));
  const kind = row.kind === 'body' ? '' : ` class="${row.kind}"`;
  const header = row.headerAsAbove
    ? `<span class="visually-hidden">${escapeHtml(cellText(first))}</span>`
    : escapeHtml(cellText(first));
  return `<tr${kind}><th scope="row"${colspan}>${header}</th>${cells.join('')}</tr>`;
}

/** Column shares as in the PDF, so long texts (取組名, 備考) get room on screen and paper alike. */
function colgroup(table: Table): string {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  return `<colgroup>${table.columns.map((column) => `<col style="width: ${Math.round((column.width / total) * 1000) / 10}%">`).join('')}</colgroup>`;
}

/** A number of the summary links to the items it counts (its provenance) when the page knows where that is. */
const cellHtml = (cell: Cell, numeric: boolean, href?: string) => {
  const text = escapeHtml(cellText(cell));
  return `<td${numeric ? ' class="num"' : ''}>${href && typeof cell !== 'string' ? `<a href="${escapeHtml(href)}">${text}</a>` : text}</td>`;
};

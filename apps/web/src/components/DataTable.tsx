import { Cell, Checkbox, Column, Row, Selection, Table, TableBody, TableHeader } from 'react-aria-components';
import { CheckIcon } from './icons';
import { ColumnDef, PlainTable } from './PlainTable';

export type { ColumnDef };

export interface DataTableProps<T> {
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: ColumnDef<T>[];
  empty: string;
  selectedKeys?: Set<string>;
  onSelectionChange?: (keys: Set<string>) => void;
  /** Rows that cannot be selected (e.g. not yet submitted). */
  disabledKeys?: string[];
  /** A few short columns: wrap the text to fit a phone rather than scroll sideways (plain tables only). */
  fitNarrow?: boolean;
}

function SelectionBox({ slot }: { slot: 'selection' }) {
  return (
    <Checkbox slot={slot} className="group flex items-center justify-center p-1">
      <span className="flex size-6 items-center justify-center rounded-4 border-2 border-solid-gray-600 bg-white text-white group-data-[selected]:border-blue-900 group-data-[selected]:bg-blue-900 group-data-[indeterminate]:bg-blue-900 group-data-[focus-visible]:outline-4 group-data-[focus-visible]:outline-black">
        <span className="hidden group-data-[selected]:block">
          <CheckIcon />
        </span>
      </span>
    </Checkbox>
  );
}

/**
 * react-aria's Table: a real grid with row headers, keyboard navigation and, when asked, a
 * checkbox column with "select all". Narrow screens scroll the table inside its own box, never
 * the page (the box is `relative` so react-aria's visually hidden inputs stay inside it too).
 */
export function DataTable<T>({
  label,
  rows,
  rowKey,
  columns,
  empty,
  selectedKeys,
  onSelectionChange,
  disabledKeys,
  fitNarrow,
}: DataTableProps<T>) {
  const selectable = Boolean(onSelectionChange);
  if (!selectable)
    return (
      <PlainTable label={label} rows={rows} rowKey={rowKey} columns={columns} empty={empty} fitNarrow={fitNarrow} />
    );
  return (
    <div className="relative w-full overflow-x-auto rounded-8 border border-solid-gray-420">
      <Table
        aria-label={label}
        selectionMode={selectable ? 'multiple' : 'none'}
        selectionBehavior="toggle"
        selectedKeys={selectedKeys}
        disabledKeys={disabledKeys}
        onSelectionChange={(keys: Selection) =>
          onSelectionChange?.(
            keys === 'all'
              ? new Set(rows.map(rowKey).filter((k) => !disabledKeys?.includes(k)))
              : new Set([...keys].map(String)),
          )
        }
        className="w-full min-w-[40rem] border-collapse text-std-16N-170"
      >
        <TableHeader className="bg-solid-gray-50">
          {selectable && (
            <Column className="w-12 border-b border-solid-gray-420 px-2 py-2">
              <SelectionBox slot="selection" />
            </Column>
          )}
          {columns.map((column) => (
            <Column
              key={column.id}
              id={column.id}
              isRowHeader={column.isRowHeader}
              className={`border-b border-solid-gray-420 px-3 py-2 text-left text-dns-16B-130 ${column.className ?? ''}`}
            >
              {column.header}
            </Column>
          ))}
        </TableHeader>
        <TableBody
          items={rows.map((row) => ({ id: rowKey(row), row }))}
          renderEmptyState={() => <p className="p-4 text-solid-gray-700">{empty}</p>}
        >
          {(item) => (
            <Row
              id={item.id}
              className="border-b border-solid-gray-200 outline-none last:border-b-0 data-[selected]:bg-blue-50 data-[focus-visible]:outline-4 data-[focus-visible]:outline-black"
            >
              {selectable && (
                <Cell className="px-2 py-2 align-top">
                  <SelectionBox slot="selection" />
                </Cell>
              )}
              {columns.map((column) => (
                <Cell key={column.id} className={`px-3 py-2 align-top ${column.className ?? ''}`}>
                  {column.cell(item.row)}
                </Cell>
              ))}
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}

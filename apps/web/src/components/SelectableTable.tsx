import { memo, useEffect, useRef } from 'react';
import type { ColumnDef } from './PlainTable';

export interface SelectableTableProps<T> {
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  /** The accessible name of a row's checkbox (e.g. the item's name). */
  rowLabel: (row: T) => string;
  /** Keep this array stable (useMemo): rows re-render only when their data or selection change. */
  columns: ColumnDef<T>[];
  empty: string;
  selectAllLabel: string;
  selectLabel: (name: string) => string;
  selectedKeys: Set<string>;
  onSelectionChange: (keys: Set<string>) => void;
}

const cellClass = 'px-3 py-2 text-left align-top font-normal';
const boxClass = 'size-6 cursor-pointer accent-blue-900';

interface RowProps<T> {
  row: T;
  id: string;
  selected: boolean;
  label: string;
  columns: ColumnDef<T>[];
  onToggle: (id: string, selected: boolean) => void;
}

function RowView<T>({ row, id, selected, label, columns, onToggle }: RowProps<T>) {
  return (
    <tr className={`border-b border-solid-gray-200 last:border-b-0 ${selected ? 'bg-blue-50' : ''}`}>
      <td className="w-12 px-3 py-2 align-top">
        <input
          type="checkbox"
          className={boxClass}
          checked={selected}
          aria-label={label}
          onChange={(event) => onToggle(id, event.target.checked)}
        />
      </td>
      {columns.map((column) => {
        const Tag = column.isRowHeader ? 'th' : 'td';
        return (
          <Tag
            key={column.id}
            scope={column.isRowHeader ? 'row' : undefined}
            className={`${cellClass} ${column.className ?? ''}`}
          >
            {column.cell(row)}
          </Tag>
        );
      })}
    </tr>
  );
}

/** A selection change re-renders one row, not five hundred. */
const Row = memo(RowView) as typeof RowView;

/**
 * A table whose rows can be selected with native checkboxes (each named after its row, plus
 * "select all" with the mixed state). Plain HTML: a 500-row council queue stays fast, every
 * checkbox and link is a Tab stop, and screen readers announce a familiar table and checkboxes.
 */
export function SelectableTable<T>(props: SelectableTableProps<T>) {
  const {
    label,
    rows,
    rowKey,
    rowLabel,
    columns,
    empty,
    selectAllLabel,
    selectLabel,
    selectedKeys,
    onSelectionChange,
  } = props;
  const all = useRef<HTMLInputElement>(null);
  const keys = rows.map(rowKey);
  const chosen = keys.filter((key) => selectedKeys.has(key)).length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = chosen > 0 && chosen < keys.length;
  }, [chosen, keys.length]);
  const latest = useRef({ selectedKeys, onSelectionChange });
  latest.current = { selectedKeys, onSelectionChange };
  const toggle = useRef((id: string, on: boolean) => {
    const next = new Set(latest.current.selectedKeys);
    if (on) next.add(id);
    else next.delete(id);
    latest.current.onSelectionChange(next);
  }).current;

  if (rows.length === 0)
    return <p className="rounded-8 border border-solid-gray-420 p-4 text-solid-gray-700">{empty}</p>;
  return (
    <div
      className="relative w-full overflow-x-auto rounded-8 border border-solid-gray-420"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <table className="w-full min-w-[40rem] border-collapse text-std-16N-170">
        <caption className="sr-only">{label}</caption>
        <thead className="bg-solid-gray-50">
          <tr>
            <th scope="col" className="w-12 border-b border-solid-gray-420 px-3 py-2 text-left">
              <input
                ref={all}
                type="checkbox"
                className={boxClass}
                checked={chosen > 0 && chosen === keys.length}
                aria-label={selectAllLabel}
                onChange={(event) =>
                  onSelectionChange(
                    event.target.checked
                      ? new Set([...selectedKeys, ...keys])
                      : new Set([...selectedKeys].filter((k) => !keys.includes(k))),
                  )
                }
              />
            </th>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                className={`border-b border-solid-gray-420 px-3 py-2 text-left text-dns-16B-130 ${column.className ?? ''}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const id = rowKey(row);
            return (
              <Row
                key={id}
                id={id}
                row={row}
                selected={selectedKeys.has(id)}
                label={selectLabel(rowLabel(row))}
                columns={columns}
                onToggle={toggle}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

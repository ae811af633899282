import type { ReactNode } from 'react';

export interface ColumnDef<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  isRowHeader?: boolean;
  className?: string;
}

/**
 * A plain HTML table (no selection): every link is a Tab stop, the DOM stays light, and it does not
 * load react-aria's grid (the first screens stay small). Scrolls inside its own box on narrow screens.
 */
export function PlainTable<T>({
  label,
  rows,
  rowKey,
  columns,
  empty,
  fitNarrow = false,
}: {
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: ColumnDef<T>[];
  empty: string;
  /** A few short columns: wrap the text to fit a phone rather than scroll sideways. */
  fitNarrow?: boolean;
}) {
  if (rows.length === 0)
    return <p className="rounded-8 border border-solid-gray-420 p-4 text-solid-gray-700">{empty}</p>;
  return (
    <div
      className="relative w-full overflow-x-auto rounded-8 border border-solid-gray-420"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <table className={`w-full border-collapse text-std-16N-170 ${fitNarrow ? '' : 'min-w-[36rem]'}`}>
        <caption className="sr-only">{label}</caption>
        <thead className="bg-solid-gray-50">
          <tr>
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
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-solid-gray-200 last:border-b-0">
              {columns.map((column) => {
                const Tag = column.isRowHeader ? 'th' : 'td';
                return (
                  <Tag
                    key={column.id}
                    scope={column.isRowHeader ? 'row' : undefined}
                    className={`px-3 py-2 text-left align-top font-normal ${column.className ?? ''}`}
                  >
                    {column.cell(row)}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

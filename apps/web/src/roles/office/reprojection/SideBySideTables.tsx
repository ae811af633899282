import { forwardRef } from 'react';
import { PlainTable } from '../../../components/PlainTable';
import { fiscalYearLabel } from '../../../format/dates';
import { useLanguage } from '../../../i18n/language';
import type { SideBySide, SummaryRow } from './reprojection-api';

const percent = (row: SummaryRow | undefined) => (row ? `${row.share}%` : '—');

/** Counts before codes: on a phone the numbers show without scrolling the table's box. */
function ReasonsTable({ label, rows }: { label: string; rows: SummaryRow[] }) {
  const { t } = useLanguage();
  return (
    <PlainTable<SummaryRow>
      label={label}
      rows={rows}
      rowKey={(row) => row.key}
      empty={t('common.none')}
      fitNarrow
      columns={[
        {
          id: 'label',
          header: t('office.reproj.reasonCol'),
          isRowHeader: true,
          className: 'min-w-[9rem]',
          cell: (row) => row.label,
        },
        {
          id: 'count',
          header: t('office.reproj.countCol'),
          cell: (row) => row.count,
          className: 'whitespace-nowrap text-right',
        },
        { id: 'share', header: t('office.reproj.share'), cell: percent, className: 'whitespace-nowrap text-right' },
        { id: 'code', header: t('office.reproj.codeCol'), cell: (row) => row.key, className: 'whitespace-nowrap' },
      ]}
    />
  );
}

/**
 * The answer of POST …/reprojections as the office reads it: each rating with its original and
 * revised wording and counts, the B breakdown under the old and the new categories next to each
 * other, and each project that changes category. The heading takes focus when an answer arrives.
 */
export const SideBySideTables = forwardRef<HTMLHeadingElement, { side: SideBySide; published: boolean }>(
  function SideBySideTables({ side, published }, heading) {
    const { t, language } = useLanguage();
    const revisedRow = new Map(side.revised.rows.map((row) => [row.key, row]));
    const labelOf = (rows: SummaryRow[], key: string) => rows.find((row) => row.key === key)?.label ?? key;
    const grades = [
      ...side.original.rows.map((row) => ({ key: row.key, original: row, revised: revisedRow.get(row.key) })),
      { key: 'total', total: true as const },
    ];
    return (
      <section aria-labelledby="side-by-side" className="flex flex-col gap-6">
        <div className="flex flex-col gap-2">
          <h2 id="side-by-side" ref={heading} tabIndex={-1} className="text-std-22B-150 outline-none">
            {t('office.reproj.resultTitle', { name: side.revision })}
          </h2>
          <p className="text-std-16N-170">
            {t('office.reproj.resultNote', {
              year: fiscalYearLabel(side.fiscalYear, language),
              source: t(published ? 'office.reproj.sourcePublished' : 'office.reproj.sourceCurrent'),
            })}
          </p>
        </div>
        <PlainTable<(typeof grades)[number]>
          label={t('office.reproj.gradesTable')}
          rows={grades}
          rowKey={(row) => row.key}
          empty={t('common.none')}
          columns={[
            {
              id: 'grade',
              header: t('office.reproj.grade'),
              isRowHeader: true,
              className: 'whitespace-nowrap',
              cell: (row) => ('total' in row ? t('office.reproj.total') : row.key),
            },
            {
              id: 'old',
              header: t('office.reproj.oldLabel'),
              cell: (row) => ('total' in row ? '' : row.original.label),
            },
            {
              id: 'oldCount',
              header: t('office.reproj.oldCountCol'),
              className: 'whitespace-nowrap text-right',
              cell: (row) => ('total' in row ? side.original.total : row.original.count),
            },
            {
              id: 'new',
              header: t('office.reproj.newLabel'),
              cell: (row) => ('total' in row ? '' : (row.revised?.label ?? '—')),
            },
            {
              id: 'newCount',
              header: t('office.reproj.newCountCol'),
              className: 'whitespace-nowrap text-right',
              cell: (row) => ('total' in row ? side.revised.total : (row.revised?.count ?? '—')),
            },
            {
              id: 'share',
              header: t('office.reproj.share'),
              className: 'whitespace-nowrap text-right',
              cell: (row) => ('total' in row ? '100%' : percent(row.original)),
            },
          ]}
        />
        <section aria-labelledby="side-by-side-reasons" className="flex flex-col gap-3">
          <h3 id="side-by-side-reasons" className="text-std-18B-160">
            {t('office.reproj.reasons')}
          </h3>
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="flex min-w-0 flex-col gap-2">
              <h4 className="text-std-16B-170">{t('office.reproj.oldReasons')}</h4>
              <ReasonsTable label={t('office.reproj.oldReasons')} rows={side.original.bReasons} />
            </div>
            <div className="flex min-w-0 flex-col gap-2">
              <h4 className="text-std-16B-170">{t('office.reproj.newReasons', { name: side.revision })}</h4>
              <ReasonsTable
                label={t('office.reproj.newReasons', { name: side.revision })}
                rows={side.revised.bReasons}
              />
            </div>
          </div>
        </section>
        <section aria-labelledby="side-by-side-moves" className="flex flex-col gap-3">
          <h3 id="side-by-side-moves" className="text-std-18B-160">
            {t('office.reproj.moves', { count: side.moves.length })}
          </h3>
          <PlainTable<SideBySide['moves'][number]>
            label={t('office.reproj.movesTable')}
            rows={side.moves}
            rowKey={(move) => move.projectId}
            empty={t('office.reproj.noMoves')}
            columns={[
              {
                id: 'id',
                header: t('office.reproj.projectId'),
                isRowHeader: true,
                className: 'whitespace-nowrap',
                cell: (move) => move.projectId,
              },
              { id: 'name', header: t('office.reproj.projectName'), cell: (move) => move.name },
              {
                id: 'from',
                header: t('office.reproj.from'),
                cell: (move) => labelOf(side.original.bReasons, move.from),
              },
              { id: 'to', header: t('office.reproj.to'), cell: (move) => labelOf(side.revised.bReasons, move.to) },
            ]}
          />
        </section>
      </section>
    );
  },
);

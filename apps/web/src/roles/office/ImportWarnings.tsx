import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import type { ColumnDef } from '../../components/DataTable';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages.ja';
import type { RowError } from './import-types';

type Translate = ReturnType<typeof useLanguage>['t'];

/** 表, 行, 列, 値 and the message in the language chosen: a row error's or a warning's columns alike. */
export function rowMessageColumns(t: Translate, ja: boolean, messageHeader: MessageKey): Array<ColumnDef<RowError>> {
  return [
    { id: 'table', header: t('office.import.table'), cell: (e) => e.table, className: 'whitespace-nowrap' },
    {
      id: 'row',
      header: t('office.import.row'),
      cell: (e) => (e.row > 0 ? t('office.import.rowNo', { row: e.row }) : t('office.import.wholeTable')),
      className: 'whitespace-nowrap',
      isRowHeader: true,
    },
    { id: 'column', header: t('office.import.column'), cell: (e) => e.column || '—' },
    {
      id: 'value',
      header: t('office.import.value'),
      cell: (e) => (e.value ? <code className="break-all">{e.value}</code> : '—'),
    },
    { id: 'message', header: t(messageHeader), cell: (e) => (ja ? e.messageJa : e.messageEn) },
  ];
}

/**
 * Accepted rows worth a look before confirming (a repost printed with another rating than its
 * original's, REPOST_RATING_DIFFERS): each by table, row and column, with its message in the
 * language chosen, as the errors are shown. They do not stop the import.
 */
export function ImportWarnings({ warnings }: { warnings: RowError[] }) {
  const { t, language } = useLanguage();
  if (warnings.length === 0) return null;
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="warning" title={t('office.import.warningsTitle', { count: warnings.length })}>
        <p>{t('office.import.warningsLead')}</p>
      </Alert>
      <DataTable<RowError>
        label={t('office.import.warnings')}
        rows={warnings}
        rowKey={(w) => `${w.table}:${w.row}:${w.column}:${w.code}`}
        empty={t('common.none')}
        columns={rowMessageColumns(t, language === 'ja', 'office.import.check')}
      />
    </div>
  );
}

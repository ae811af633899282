import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages.ja';
import type { ColumnErrors, ImportChange, ImportDecisionView, RowError } from './import-types';
import { ImportWarnings, rowMessageColumns } from './ImportWarnings';

const COMMAND_LABELS: Record<string, MessageKey> = {
  RegisterSection: 'office.import.cmd.RegisterSection',
  ChangeSection: 'office.import.cmd.ChangeSection',
  RegisterPillar: 'office.import.cmd.RegisterPillar',
  RegisterPlan: 'office.import.cmd.RegisterPlan',
  RegisterProject: 'office.import.cmd.RegisterProject',
  ChangeProject: 'office.import.cmd.ChangeProject',
  RepostProject: 'office.import.cmd.RepostProject',
  SetAnnualPlan: 'office.import.cmd.SetAnnualPlan',
  RegisterKpi: 'office.import.cmd.RegisterKpi',
  ChangeKpi: 'office.import.cmd.ChangeKpi',
};

const LISTED_CHANGES = 100;

/** Every row's error by table, row and column — or, for a clean file, what the import would change. */
export function ImportPreview({
  decision,
}: {
  decision: Pick<ImportDecisionView, 'errorCount' | 'errors' | 'errorsByColumn'> & Partial<ImportDecisionView>;
}) {
  const { t, language } = useLanguage();
  const message = (e: { messageJa: string; messageEn: string }) => (language === 'ja' ? e.messageJa : e.messageEn);
  if (decision.errorCount > 0) {
    const listed = decision.errors.length;
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="error" title={t('office.import.invalidTitle', { count: decision.errorCount })}>
          <p>{t('office.import.invalidLead')}</p>
        </Alert>
        <DataTable<RowError>
          label={t('office.import.errors')}
          rows={decision.errors}
          rowKey={(e) => `${e.table}:${e.row}:${e.column}:${e.code}`}
          empty={t('common.none')}
          columns={rowMessageColumns(t, language === 'ja', 'office.import.problem')}
        />
        {decision.errorCount > listed && (
          <>
            <p className="text-std-16N-170">{t('office.import.moreErrors', { listed, count: decision.errorCount })}</p>
            <DataTable<ColumnErrors>
              label={t('office.import.errorsByColumn')}
              rows={decision.errorsByColumn}
              rowKey={(e) => `${e.table}:${e.column}:${e.code}`}
              empty={t('common.none')}
              columns={[
                { id: 'table', header: t('office.import.table'), cell: (e) => e.table },
                { id: 'column', header: t('office.import.column'), isRowHeader: true, cell: (e) => e.column || '—' },
                {
                  id: 'count',
                  header: t('office.import.count'),
                  cell: (e) => e.count,
                  className: 'whitespace-nowrap text-right',
                },
                {
                  id: 'rows',
                  header: t('office.import.rows'),
                  cell: (e) => e.rows.join(', ') + (e.count > e.rows.length ? ' …' : ''),
                },
                { id: 'message', header: t('office.import.problem'), cell: (e) => message(e) },
              ]}
            />
          </>
        )}
        <ImportWarnings warnings={decision.preview?.warnings ?? []} />
      </div>
    );
  }
  const preview = decision.preview;
  if (!preview) return null;
  const commands = Object.entries(preview.commands).filter(([, n]) => n > 0);
  const changes = preview.changes.slice(0, LISTED_CHANGES);
  const nothing = commands.length === 0 && (decision.records?.length ?? 0) === 0;
  return (
    <div className="flex flex-col gap-4">
      <Alert
        tone={nothing ? 'info' : 'success'}
        title={nothing ? t('office.import.nothingTitle') : t('office.import.validTitle')}
      >
        <p>{nothing ? t('office.import.nothingLead') : t('office.import.validLead')}</p>
      </Alert>
      <ImportWarnings warnings={preview.warnings ?? []} />
      {!nothing && (
        <ul className="flex flex-col gap-1 pl-5 text-std-16N-170" style={{ listStyle: 'disc' }}>
          {commands.map(([type, n]) => (
            <li key={type}>{COMMAND_LABELS[type] ? t(COMMAND_LABELS[type], { count: n }) : `${type}: ${n}`}</li>
          ))}
          {preview.repostPlacements > 0 && <li>{t('office.import.reposts', { count: preview.repostPlacements })}</li>}
          {(decision.records?.length ?? 0) > 0 && (
            <li>{t('office.import.records', { count: decision.records!.length })}</li>
          )}
          {(decision.recordsUnchanged ?? 0) + preview.unchanged > 0 && (
            <li>{t('office.import.unchanged', { count: (decision.recordsUnchanged ?? 0) + preview.unchanged })}</li>
          )}
        </ul>
      )}
      {changes.length > 0 && (
        <DataTable<ImportChange>
          label={t('office.import.changes')}
          rows={changes}
          rowKey={(c) => `${c.table}:${c.row}:${c.id}:${c.action}`}
          empty={t('common.none')}
          columns={[
            {
              id: 'where',
              header: t('office.import.where'),
              cell: (c) => `${c.table} ${t('office.import.rowNo', { row: c.row })}`,
              className: 'whitespace-nowrap',
            },
            {
              id: 'action',
              header: t('office.import.action'),
              cell: (c) => t(c.action === 'added' ? 'office.import.added' : 'office.import.changed'),
            },
            {
              id: 'summary',
              header: t('office.import.summary'),
              isRowHeader: true,
              cell: (c) => (language === 'ja' ? c.summaryJa : c.summaryEn),
            },
          ]}
        />
      )}
      {preview.changesTotal > changes.length && (
        <p className="text-std-16N-170">
          {t('office.import.moreChanges', { listed: changes.length, count: preview.changesTotal })}
        </p>
      )}
    </div>
  );
}

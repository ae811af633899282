import { useState } from 'react';
import { wardPath } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { TextArea } from '../../components/TextArea';
import { dateTimeLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { FormFailure } from './FormFailure';
import type { ImportEntry } from './import-types';
import { useCommand } from './use-command';

const STATUS = {
  started: 'office.imports.started',
  completed: 'office.imports.completed',
  abandoned: 'office.imports.abandoned',
  reverting: 'office.imports.reverting',
  reverted: 'office.imports.reverted',
} as const;

/**
 * The imports and their reversion (POST /imports/{id}/reversion {reason}, after a confirmation).
 * The list is GET /wards/{w}/imports; should it fail, the imports confirmed from this browser are
 * listed so they can still be reverted.
 */
export function ImportList({
  wardId,
  server,
  serverMissing,
  recent,
  onReverted,
}: {
  wardId: string;
  server: ImportEntry[] | undefined;
  serverMissing: boolean;
  recent: ImportEntry[];
  onReverted: (entry: ImportEntry) => void;
}) {
  const { t, language } = useLanguage();
  const [reverting, setReverting] = useState<ImportEntry>();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const command = useCommand();
  const rows = server ?? recent;

  const onConfirm = async () => {
    if (!reverting) return;
    if (!reason.trim()) return setProblem(t('office.reasonRequired'));
    setProblem(undefined);
    const result = await command.send<{ importId: string; replayed: boolean }>(
      'POST',
      wardPath(wardId, `/imports/${encodeURIComponent(reverting.importId)}/reversion`),
      { reason: reason.trim() },
    );
    if (result) {
      onReverted({ ...reverting, status: 'reverted', revertReason: reason.trim() });
      setDone(t('office.revert.done', { id: reverting.importId }));
      setReverting(undefined);
      setReason('');
    }
  };
  return (
    <section aria-labelledby="import-list" className="flex flex-col gap-3">
      <h2 id="import-list" className="text-std-22B-150">
        {t('office.imports.list')}
      </h2>
      {serverMissing && <p className="text-std-16N-170 text-solid-gray-800">{t('office.imports.listLocal')}</p>}
      {done && <Alert tone="success" title={done} />}
      <DataTable<ImportEntry>
        label={t('office.imports.list')}
        rows={rows}
        rowKey={(e) => e.importId}
        empty={t('office.imports.empty')}
        columns={[
          { id: 'at', header: t('office.imports.at'), cell: (e) => dateTimeLabel(e.importedAt, language) },
          {
            id: 'files',
            header: t('office.imports.files'),
            isRowHeader: true,
            cell: (e) => (
              <span className="flex flex-col">
                <span>{e.files.join('、')}</span>
                <code className="text-dns-14N-130 text-solid-gray-700">{e.importId}</code>
              </span>
            ),
          },
          {
            id: 'what',
            header: t('office.imports.what'),
            cell: (e) => t('office.imports.counts', { commands: e.catalogueCommands, records: e.records }),
          },
          {
            id: 'status',
            header: t('office.imports.status'),
            cell: (e) =>
              e.status === 'reverted' ? (
                <span className="flex flex-col">
                  <span>{t('office.imports.reverted')}</span>
                  {e.revertReason && <span className="text-dns-14N-130 text-solid-gray-800">{e.revertReason}</span>}
                </span>
              ) : (
                t(STATUS[e.status])
              ),
          },
          {
            id: 'action',
            header: t('office.checklist.action'),
            cell: (e) =>
              e.status === 'completed' ? (
                <Button
                  size="sm"
                  variant="secondary"
                  onPress={() => {
                    command.clearError();
                    setDone(undefined);
                    setReverting(e);
                  }}
                  aria-label={t('office.revert.buttonFor', { id: e.importId })}
                >
                  {t('office.revert.button')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <ConfirmDialog
        isOpen={Boolean(reverting)}
        title={t('office.revert.title')}
        confirmLabel={t('office.revert.confirm')}
        tone="danger"
        onConfirm={onConfirm}
        onCancel={() => setReverting(undefined)}
        isPending={command.pending}
        focusConfirm={false}
      >
        <div className="flex flex-col gap-4">
          <p>{t('office.revert.lead', { files: reverting?.files.join('、') ?? '' })}</p>
          <FormFailure error={command.generalError} title={t('office.revert.failed')} />
          <TextArea
            label={t('office.reason')}
            value={reason}
            onChange={setReason}
            error={problem ?? command.fieldErrors.reason}
            isRequired
            rows={3}
            autoFocus
          />
        </div>
      </ConfirmDialog>
    </section>
  );
}

import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextArea } from '../../components/TextArea';
import { useLanguage } from '../../i18n/language';
import { FormFailure } from './FormFailure';
import { cyclePath, OutstandingItem } from './office-api';
import { useCommand } from './use-command';

/** POST …/exclusions {kind, itemId, reason}: takes one item out of the year's scope, with the reason on record. */
export function ExcludeDialog({
  wardId,
  fiscalYear,
  item,
  onCancel,
  onExcluded,
}: {
  wardId: string;
  fiscalYear: number;
  item: OutstandingItem | undefined;
  onCancel: () => void;
  onExcluded: (item: OutstandingItem) => void;
}) {
  const { t } = useLanguage();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const command = useCommand();
  const close = () => {
    setProblem(undefined);
    command.clearError();
    onCancel();
  };
  const confirm = async () => {
    if (!item) return;
    if (!reason.trim()) return setProblem(t('office.reasonRequired'));
    setProblem(undefined);
    const body = { kind: item.kind, itemId: item.itemId, reason: reason.trim() };
    if (await command.send('POST', cyclePath(wardId, fiscalYear, '/exclusions'), body)) {
      setReason('');
      onExcluded(item);
    }
  };
  return (
    <ConfirmDialog
      isOpen={Boolean(item)}
      title={t('office.exclude.title', { name: item?.name ?? '' })}
      confirmLabel={t('office.exclude.confirm')}
      tone="danger"
      onCancel={close}
      onConfirm={confirm}
      isPending={command.pending}
      focusConfirm={false}
    >
      <div className="flex flex-col gap-4">
        <p>{t('office.exclude.lead')}</p>
        <FormFailure error={command.generalError} title={t('office.exclude.failed')} />
        <TextArea
          label={t('office.exclude.reason')}
          description={t('office.exclude.reasonHint')}
          value={reason}
          onChange={setReason}
          error={problem ?? command.fieldErrors.reason}
          isRequired
          rows={3}
          autoFocus
        />
      </div>
    </ConfirmDialog>
  );
}

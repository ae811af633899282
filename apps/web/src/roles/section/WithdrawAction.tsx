import { useState } from 'react';
import { api, wardPath } from '../../api/client';
import { useSubmission } from '../../api/submission';
import type { CommandResult, ItemView } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextArea } from '../../components/TextArea';
import { useLanguage } from '../../i18n/language';
import type { CycleDetail } from '../../items/catalogue';
import { itemApiPath } from '../../items/paths';

/** Take a submission back before the council has decided (POST …/withdrawal), with an optional reason. */
export function WithdrawAction({
  view,
  etag,
  wardId,
  fy,
  onChanged,
}: {
  view: ItemView;
  etag?: string;
  cycle: CycleDetail;
  wardId: string;
  fy: number;
  onChanged: (message?: string) => void;
}) {
  const { t, language } = useLanguage();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submission = useSubmission();
  const confirm = async () => {
    const body = reason.trim() ? { reason } : {};
    const result = await submission.run(body, (idempotencyKey) =>
      api<CommandResult>(wardPath(wardId, itemApiPath(fy, view.kind, view.itemId, '/withdrawal')), {
        method: 'POST',
        body,
        idempotencyKey,
        ifMatch: etag,
      }),
    );
    if (result) {
      setOpen(false);
      onChanged(t('form.withdrawn'));
    }
  };
  return (
    <div className="flex flex-col gap-3">
      {submission.error && !open && (
        <Alert tone="error" title={t('form.withdrawFailed')}>
          <p>{submission.error.text(language)}</p>
        </Alert>
      )}
      <div>
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {t('form.withdraw')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={open}
        title={t('form.withdrawConfirmTitle')}
        confirmLabel={t('form.withdraw')}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
        isPending={submission.pending}
      >
        <p className="mb-3">{t('form.withdrawConfirmBody')}</p>
        <TextArea
          label={t('form.withdrawReason')}
          value={reason}
          onChange={setReason}
          rows={2}
          error={submission.error?.fieldErrors(language).reason}
        />
        {submission.error && !submission.error.body.field && (
          <p className="mt-2 text-error-2">{submission.error.text(language)}</p>
        )}
      </ConfirmDialog>
    </div>
  );
}

import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { TextArea } from '../../components/TextArea';
import { dateTimeLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { FormFailure } from './FormFailure';
import { cyclePath, Publication } from './office-api';
import { useCommand } from './use-command';

/** A published cycle: its versions, and a correction published as a new version with its reason. */
export function PublishedPanel({
  wardId,
  fiscalYear,
  publications,
  onChanged,
}: {
  wardId: string;
  fiscalYear: number;
  publications: Publication[];
  onChanged: () => void;
}) {
  const { t, language } = useLanguage();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [asking, setAsking] = useState(false);
  const command = useCommand();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem(t('office.reasonRequired'));
    setProblem(undefined);
    setAsking(true);
  };
  const onConfirm = async () => {
    const done = await command.send('POST', cyclePath(wardId, fiscalYear, '/corrections'), { reason: reason.trim() });
    setAsking(false);
    if (done) {
      setReason('');
      onChanged();
    }
  };
  const next = publications.length + 1;
  return (
    <>
      <section aria-labelledby="versions" className="flex flex-col gap-3">
        <h2 id="versions" className="text-std-22B-150">
          {t('office.versions.title')}
        </h2>
        <DataTable<Publication>
          label={t('office.versions.title')}
          rows={[...publications].reverse()}
          rowKey={(p) => String(p.version)}
          empty={t('common.none')}
          columns={[
            {
              id: 'version',
              header: t('office.versions.version'),
              isRowHeader: true,
              cell: (p) => t('office.versions.number', { version: p.version }),
            },
            { id: 'at', header: t('office.versions.publishedAt'), cell: (p) => dateTimeLabel(p.publishedAt, language) },
            { id: 'reason', header: t('office.versions.reason'), cell: (p) => p.reason ?? t('office.versions.first') },
          ]}
        />
      </section>
      <section aria-labelledby="correct" className="flex max-w-2xl flex-col gap-4">
        <h2 id="correct" className="text-std-22B-150">
          {t('office.correct.title')}
        </h2>
        <p className="text-std-16N-170">{t('office.correct.lead')}</p>
        <FormFailure error={command.generalError} title={t('office.correct.failed')} />
        <Form onSubmit={onSubmit} validationBehavior="aria" className="flex flex-col gap-4">
          <TextArea
            label={t('office.correct.reason')}
            description={t('office.correct.reasonHint')}
            value={reason}
            onChange={setReason}
            error={problem ?? command.fieldErrors.reason}
            isRequired
            rows={3}
          />
          <div>
            <Button type="submit" variant="secondary">
              {t('office.correct.submit', { version: next })}
            </Button>
          </div>
        </Form>
        <ConfirmDialog
          isOpen={asking}
          title={t('office.correct.confirmTitle', { version: next })}
          confirmLabel={t('office.correct.confirm')}
          onConfirm={onConfirm}
          onCancel={() => setAsking(false)}
          isPending={command.pending}
        >
          <p>{t('office.correct.confirmBody')}</p>
          <p className="mt-2 rounded-8 bg-solid-gray-50 p-3">{reason}</p>
        </ConfirmDialog>
      </section>
    </>
  );
}

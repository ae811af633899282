import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { QueryError } from '../../components/QueryError';
import { TextArea } from '../../components/TextArea';
import { dateTimeLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import type { ApiError } from '../../api/errors';
import { CheckboxGroupField } from './CheckboxGroupField';
import { FormFailure } from './FormFailure';
import { cyclePath, LedgerLine } from './office-api';
import type { SectionProgress } from './section-progress';
import { useCommand } from './use-command';
import { withAside } from '../../format/parentheses';

interface Props {
  wardId: string;
  fiscalYear: number;
  isOpen: boolean;
  progress: SectionProgress[];
  ledger: { status: 'loading' | 'ready' | 'error'; data?: LedgerLine[]; error?: ApiError; reload: () => void };
  onSent: () => void;
}

/** The reminder ledger (what was sent, and CSV) and a one-off reminder sent now to chosen sections. */
export function ReminderPanel({ wardId, fiscalYear, isOpen, progress, ledger, onSent }: Props) {
  const { t, language } = useLanguage();
  const csv = cyclePath(wardId, fiscalYear, '/reminder-ledger?format=csv');
  return (
    <section aria-labelledby="reminders" className="flex flex-col gap-4">
      <h2 id="reminders" className="text-std-22B-150">
        {t('office.reminders.title')}
      </h2>
      {isOpen && <OneOffReminderForm wardId={wardId} fiscalYear={fiscalYear} progress={progress} onSent={onSent} />}
      <h3 className="text-std-18B-160">{t('office.ledger.title')}</h3>
      <p className="text-std-16N-170">{t('office.ledger.lead')}</p>
      <p>
        <a href={csv} download className="text-std-16B-170">
          {t('office.ledger.csv')}
        </a>
      </p>
      {ledger.status === 'error' && ledger.error && <QueryError error={ledger.error} onRetry={ledger.reload} />}
      {ledger.data && (
        <DataTable<LedgerLine>
          label={t('office.ledger.title')}
          rows={ledger.data}
          rowKey={(l) => l.sectionId}
          empty={t('office.ledger.empty')}
          columns={[
            {
              id: 'section',
              header: t('common.section'),
              isRowHeader: true,
              className: 'min-w-32',
              cell: (l) => (
                <span className="flex flex-col">
                  <span className="text-dns-14N-130 text-solid-gray-700">{l.department}</span>
                  <span>{l.sectionName ?? l.sectionId}</span>
                </span>
              ),
            },
            {
              id: 'outstanding',
              header: t('office.ledger.outstanding'),
              className: 'whitespace-nowrap text-right',
              cell: (l) => t('office.ledger.ofItems', { outstanding: l.outstanding, items: l.items }),
            },
            {
              id: 'reminders',
              header: t('office.ledger.reminders'),
              className: 'whitespace-nowrap text-right',
              cell: (l) => l.reminders,
            },
            {
              id: 'last',
              header: t('office.ledger.lastSent'),
              className: 'min-w-36',
              cell: (l) =>
                l.sentAt.length ? dateTimeLabel(l.sentAt[l.sentAt.length - 1], language) : t('common.none'),
            },
            {
              id: 'escalations',
              header: t('office.ledger.escalations'),
              className: 'whitespace-nowrap text-right',
              cell: (l) => l.escalations,
            },
            {
              id: 'failures',
              header: t('office.ledger.failures'),
              className: 'whitespace-nowrap text-right',
              cell: (l) =>
                l.failures > 0 ? <strong>{t('office.ledger.failureCount', { count: l.failures })}</strong> : 0,
            },
            {
              id: 'late',
              header: t('office.ledger.firstLate'),
              className: 'min-w-40',
              cell: (l) =>
                l.firstLateSubmissionAt
                  ? withAside(
                      dateTimeLabel(l.firstLateSubmissionAt, language),
                      t('office.ledger.daysLate', { days: l.daysLate ?? 0 }),
                      language,
                    )
                  : t('common.none'),
            },
          ]}
        />
      )}
    </section>
  );
}

/** The one-off reminder's note: the API's MaxLength, stated in the field's hint. */
const NOTE_MAX_LENGTH = 1_000;

/** POST …/reminders {sectionIds, note?} → 202; a 422 names the sections that owe nothing, next to the choice. */
function OneOffReminderForm({
  wardId,
  fiscalYear,
  progress,
  onSent,
}: Pick<Props, 'wardId' | 'fiscalYear' | 'progress' | 'onSent'>) {
  const { t } = useLanguage();
  const owing = progress.filter((r) => r.outstanding > 0).sort((a, b) => b.overdue - a.overdue);
  const [sectionIds, setSectionIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [noteProblem, setNoteProblem] = useState<string>();
  const [sent, setSent] = useState<string>();
  const command = useCommand();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(undefined);
    // The limit the hint states (the API's MaxLength), checked before sending.
    const tooLong =
      note.trim().length > NOTE_MAX_LENGTH
        ? t('office.oneOff.noteTooLong', { count: note.trim().length.toLocaleString() })
        : undefined;
    setNoteProblem(tooLong);
    if (sectionIds.length === 0) return setProblem(t('office.oneOff.chooseSection'));
    setProblem(undefined);
    if (tooLong) return;
    const body = note.trim() ? { sectionIds, note: note.trim() } : { sectionIds };
    const result = await command.send<{ requestId: string; sectionIds: string[] }>(
      'POST',
      cyclePath(wardId, fiscalYear, '/reminders'),
      body,
    );
    if (result) {
      const names = result.sectionIds.map((id) => progress.find((r) => r.sectionId === id)?.name ?? id).join('、');
      setSent(t('office.oneOff.sent', { sections: names }));
      setSectionIds([]);
      setNote('');
      onSent();
    }
  };

  return (
    <div className="flex max-w-3xl flex-col gap-4 rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <h3 className="text-std-18B-160">{t('office.oneOff.title')}</h3>
      <p className="text-std-16N-170">{t('office.oneOff.lead')}</p>
      {sent && (
        <Alert tone="success" title={t('office.oneOff.sentTitle')}>
          <p>{sent}</p>
        </Alert>
      )}
      <FormFailure error={command.generalError} title={t('office.oneOff.failed')} />
      {owing.length === 0 ? (
        <p className="text-std-16N-170">{t('office.oneOff.nobodyOwes')}</p>
      ) : (
        <Form onSubmit={onSubmit} validationBehavior="aria" className="flex flex-col gap-4">
          <CheckboxGroupField
            label={t('office.oneOff.sections')}
            description={t('office.oneOff.sectionsHint')}
            options={owing.map((r) => ({
              id: r.sectionId,
              label: `${r.department} ${r.name}`,
              description:
                r.overdue > 0
                  ? t('office.oneOff.sectionOverdue', { count: r.outstanding, overdue: r.overdue })
                  : t('office.oneOff.sectionOwing', { count: r.outstanding }),
            }))}
            value={sectionIds}
            onChange={setSectionIds}
            error={problem ?? command.fieldErrors.sectionIds}
            isRequired
          />
          <TextArea
            label={t('office.oneOff.note')}
            description={t('office.oneOff.noteHint')}
            value={note}
            onChange={setNote}
            error={noteProblem ?? command.fieldErrors.note}
            rows={3}
          />
          <div>
            <Button type="submit" isPending={command.pending}>
              {t('office.oneOff.submit')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}

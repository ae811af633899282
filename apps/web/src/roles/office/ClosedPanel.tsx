import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { ItemView } from '../../api/types';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextArea } from '../../components/TextArea';
import { useLanguage } from '../../i18n/language';
import { Checklist } from './Checklist';
import { ExcludeDialog } from './ExcludeDialog';
import { FormFailure } from './FormFailure';
import { CatalogueView, cyclePath, OutstandingDetails, OutstandingItem, sectionName } from './office-api';
import { useCommand } from './use-command';

/** Items that keep the report from being published: everything not approved yet. */
function blockers(items: ItemView[], catalogue: CatalogueView | undefined): OutstandingDetails {
  const list: OutstandingItem[] = items
    .filter((i) => i.status !== 'approved')
    .map((i) => ({
      kind: i.kind,
      itemId: i.itemId,
      name: i.name,
      sectionId: i.sectionId,
      sectionName: sectionName(catalogue, i.sectionId),
      status: i.status,
    }));
  const sections = new Map<string, { sectionId: string; sectionName: string; outstanding: number }>();
  for (const item of list) {
    const entry = sections.get(item.sectionId) ?? {
      sectionId: item.sectionId,
      sectionName: item.sectionName,
      outstanding: 0,
    };
    entry.outstanding++;
    sections.set(item.sectionId, entry);
  }
  return { items: list, sections: [...sections.values()] };
}

/**
 * A closed cycle: publish it (every item approved or excluded), or reopen it with a reason.
 * Items still not approved are listed with the exclusion beside each.
 */
export function ClosedPanel({
  wardId,
  fiscalYear,
  items,
  catalogue,
  onChanged,
}: {
  wardId: string;
  fiscalYear: number;
  items: ItemView[];
  catalogue: CatalogueView | undefined;
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  const [asking, setAsking] = useState(false);
  const [excluding, setExcluding] = useState<OutstandingItem>();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const publish = useCommand();
  const reopen = useCommand();
  const pending = blockers(items, catalogue);

  const onPublish = async () => {
    const done = await publish.send('POST', cyclePath(wardId, fiscalYear, '/publications'), {});
    setAsking(false);
    if (done) onChanged();
  };
  const onReopen = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem(t('office.reasonRequired'));
    setProblem(undefined);
    if (await reopen.send('POST', cyclePath(wardId, fiscalYear, '/reopening'), { reason: reason.trim() })) {
      setReason('');
      onChanged();
    }
  };
  return (
    <>
      <section aria-labelledby="publish" className="flex flex-col gap-4">
        <h2 id="publish" className="text-std-22B-150">
          {t('office.publish.title')}
        </h2>
        <p className="max-w-3xl text-std-16N-170">{t('office.publish.lead')}</p>
        <FormFailure error={publish.error} title={t('office.publish.failed')} />
        {pending.items.length > 0 && (
          <Checklist
            title={t('office.publish.blockers', { count: pending.items.length })}
            lead={t('office.publish.blockersLead')}
            details={pending}
            catalogue={catalogue}
            onExclude={setExcluding}
          />
        )}
        <div>
          <Button onPress={() => setAsking(true)} isDisabled={pending.items.length > 0}>
            {t('office.publish.submit')}
          </Button>
        </div>
        {pending.items.length > 0 && (
          <p className="text-std-16N-170 text-solid-gray-800">{t('office.publish.disabledWhy')}</p>
        )}
        <ConfirmDialog
          isOpen={asking}
          title={t('office.publish.confirmTitle')}
          confirmLabel={t('office.publish.confirm')}
          onConfirm={onPublish}
          onCancel={() => setAsking(false)}
          isPending={publish.pending}
        >
          <p>{t('office.publish.confirmBody')}</p>
        </ConfirmDialog>
        <ExcludeDialog
          wardId={wardId}
          fiscalYear={fiscalYear}
          item={excluding}
          onCancel={() => setExcluding(undefined)}
          onExcluded={() => {
            setExcluding(undefined);
            onChanged();
          }}
        />
      </section>
      <section aria-labelledby="reopen" className="flex max-w-2xl flex-col gap-4">
        <h2 id="reopen" className="text-std-22B-150">
          {t('office.reopen.title')}
        </h2>
        <p className="text-std-16N-170">{t('office.reopen.lead')}</p>
        <FormFailure error={reopen.generalError} title={t('office.reopen.failed')} />
        <Form onSubmit={onReopen} validationBehavior="aria" className="flex flex-col gap-4">
          <TextArea
            label={t('office.reopen.reason')}
            value={reason}
            onChange={setReason}
            error={problem ?? reopen.fieldErrors.reason}
            isRequired
            rows={3}
          />
          <div>
            <Button type="submit" variant="secondary" isPending={reopen.pending}>
              {t('office.reopen.submit')}
            </Button>
          </div>
        </Form>
      </section>
    </>
  );
}

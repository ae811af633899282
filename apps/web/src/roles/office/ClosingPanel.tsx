import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLanguage } from '../../i18n/language';
import { Checklist } from './Checklist';
import { ExcludeDialog } from './ExcludeDialog';
import { FormFailure } from './FormFailure';
import { CatalogueView, cyclePath, OutstandingDetails, OutstandingItem } from './office-api';
import { useCommand } from './use-command';

/** The checklist without one item (after it was excluded). */
function without(details: OutstandingDetails, item: OutstandingItem): OutstandingDetails {
  const items = details.items.filter((i) => !(i.kind === item.kind && i.itemId === item.itemId));
  const sections = details.sections
    .map((s) => (s.sectionId === item.sectionId ? { ...s, outstanding: s.outstanding - 1 } : s))
    .filter((s) => s.outstanding > 0);
  return { items, sections };
}

/**
 * Closing an open cycle. The first attempt sends no confirmation: with items still owed the API
 * answers 409 OUTSTANDING_ITEMS and its list becomes the checklist; each item can be excluded with
 * a reason, and closing anyway sends `confirmOutstanding: true` after a second confirmation.
 */
export function ClosingPanel({
  wardId,
  fiscalYear,
  catalogue,
  onChanged,
}: {
  wardId: string;
  fiscalYear: number;
  catalogue: CatalogueView | undefined;
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  const [asking, setAsking] = useState<'close' | 'closeAnyway' | null>(null);
  const [checklist, setChecklist] = useState<OutstandingDetails>();
  const [excluding, setExcluding] = useState<OutstandingItem>();
  const [excluded, setExcluded] = useState<string>();
  const command = useCommand();

  const close = async (confirmOutstanding: boolean) => {
    setExcluded(undefined);
    const body = confirmOutstanding ? { confirmOutstanding: true } : {};
    const result = await command.send('POST', cyclePath(wardId, fiscalYear, '/closing'), body);
    setAsking(null);
    if (result) {
      setChecklist(undefined);
      onChanged();
    }
  };
  const outstanding =
    command.error?.code === 'OUTSTANDING_ITEMS'
      ? (command.error.body.details as unknown as OutstandingDetails)
      : undefined;
  // The server's list is the checklist (it may name more than this page had loaded).
  useEffect(() => {
    if (outstanding) setChecklist(outstanding);
  }, [outstanding]);
  const count = checklist?.items.length ?? 0;
  return (
    <section aria-labelledby="closing" className="flex flex-col gap-4">
      <h2 id="closing" className="text-std-22B-150">
        {t('office.closing.title')}
      </h2>
      <p className="max-w-3xl text-std-16N-170">{t('office.closing.lead')}</p>
      {!outstanding && <FormFailure error={command.error} title={t('office.closing.failed')} />}
      {excluded && <Alert tone="success" title={excluded} />}
      {checklist && count > 0 && (
        <Checklist
          title={t('office.checklist.title', { count, sections: checklist.sections.length })}
          lead={t('office.checklist.lead')}
          details={checklist}
          catalogue={catalogue}
          onExclude={setExcluding}
          takeFocus
        />
      )}
      {checklist && count === 0 && <Alert tone="info" title={t('office.checklist.cleared')} />}
      <div className="flex flex-wrap gap-3">
        {checklist && count > 0 ? (
          <Button variant="danger" onPress={() => setAsking('closeAnyway')}>
            {t('office.closing.closeAnyway', { count })}
          </Button>
        ) : (
          <Button onPress={() => setAsking('close')}>{t('office.closing.close')}</Button>
        )}
      </div>
      <ConfirmDialog
        isOpen={asking === 'close'}
        title={t('office.closing.confirmTitle')}
        confirmLabel={t('office.closing.confirm')}
        onConfirm={() => close(false)}
        onCancel={() => setAsking(null)}
        isPending={command.pending}
      >
        <p>{t('office.closing.confirmBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={asking === 'closeAnyway'}
        title={t('office.closing.anywayTitle', { count })}
        confirmLabel={t('office.closing.anywayConfirm')}
        tone="danger"
        onConfirm={() => close(true)}
        onCancel={() => setAsking(null)}
        isPending={command.pending}
      >
        <p>{t('office.closing.anywayBody')}</p>
      </ConfirmDialog>
      <ExcludeDialog
        wardId={wardId}
        fiscalYear={fiscalYear}
        item={excluding}
        onCancel={() => setExcluding(undefined)}
        onExcluded={(item) => {
          setExcluding(undefined);
          setChecklist((old) => old && without(old, item));
          setExcluded(t('office.exclude.done', { name: item.name }));
          onChanged();
        }}
      />
    </section>
  );
}

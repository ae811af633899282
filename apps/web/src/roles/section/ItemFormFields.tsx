import { FormEvent } from 'react';
import { Form } from 'react-aria-components';
import type { ItemView } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { useLanguage } from '../../i18n/language';
import type { CycleDetail } from '../../items/catalogue';
import { RatingFields } from '../../items/RatingFields';
import { ConflictNotice } from './ConflictNotice';
import { SaveStatusText } from './SaveStatusText';
import { useItemForm } from './use-item-form';

/** 令和4年度末: the usual as-of of a KPI actual, offered as the default. */
/** Stored data stays Japanese (it goes into the ward's report), whatever the screen's language. */
function defaultAsOf(fy: number): string {
  const era = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(Date.UTC(fy, 3, 1, 3)));
  return `${era.replace(/(令和|平成)1年/, '$1元年')}度末`;
}

export interface ItemFormFieldsProps {
  view: ItemView;
  etag?: string;
  cycle: CycleDetail;
  wardId: string;
  fy: number;
  notSuitedForShortTermEvaluation: boolean;
  onChanged: (message?: string) => void;
  onDraftSaved: () => void;
}

export function ItemFormFields({
  view,
  etag,
  cycle,
  wardId,
  fy,
  notSuitedForShortTermEvaluation,
  onChanged,
  onDraftSaved,
}: ItemFormFieldsProps) {
  const { t, language } = useLanguage();
  const rated = view.kind === 'project' || cycle.scheme === 'taisho';
  const form = useItemForm({
    wardId,
    fy,
    view,
    etag,
    scheme: cycle.scheme,
    ordinalScale: cycle.ordinalScale,
    defaultAsOf: defaultAsOf(fy),
    rated,
    editable: true,
    onChanged: () => onChanged(),
    onDraftSaved,
  });
  const { values, change, errors } = form;
  const project = view.kind === 'project';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit()) onChanged(t('form.submittedNotice'));
  };
  const errorCount = Object.keys(errors).length;
  return (
    <section aria-labelledby="answer-form" className="flex flex-col gap-5 rounded-12 border border-solid-gray-420 p-4">
      <h2 id="answer-form" className="text-std-20B-150">
        {t('form.yourAnswer')}
      </h2>
      {form.restored && (
        <Alert tone="info" title={t('form.restoredTitle')}>
          <p>{t('form.restoredBody')}</p>
        </Alert>
      )}
      {form.conflict && (
        <ConflictNotice
          theirs={form.conflict.theirs}
          bReasons={cycle.bReasons}
          canOverwrite={['not_started', 'draft', 'returned'].includes(form.conflict.theirs.status)}
          onKeepMine={() => void form.keepMine()}
          onTakeTheirs={form.takeTheirs}
        />
      )}
      {errorCount > 0 && (
        <Alert tone="error" title={t('form.fixErrors')}>
          <ul className="list-disc pl-5">
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {form.formError && (
        <Alert tone="error" title={t('form.submitFailed')}>
          <p>{form.formError.text(language)}</p>
        </Alert>
      )}
      <Form onSubmit={onSubmit} className="flex flex-col gap-5" validationBehavior="aria">
        {project ? (
          <TextArea
            label={t('item.actual')}
            description={t('form.actualHint')}
            value={values.actualText}
            onChange={(actualText) => change({ ...values, actualText })}
            error={errors['actual.text'] ?? errors.actual}
            isRequired
            rows={5}
          />
        ) : (
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t('form.kpiValue')}
              description={t('form.kpiValueHint')}
              value={values.kpiValue}
              onChange={(kpiValue) => change({ ...values, kpiValue })}
              error={errors['actual.value'] ?? errors.actual}
              isRequired
            />
            <TextField
              label={t('form.kpiAsOf')}
              description={t('form.kpiAsOfHint')}
              value={values.kpiAsOf}
              onChange={(kpiAsOf) => change({ ...values, kpiAsOf })}
              error={errors['actual.asOf']}
              isRequired
            />
          </div>
        )}
        {rated ? (
          <RatingFields
            scheme={cycle.scheme}
            value={values.rating}
            onChange={(rating) => change({ ...values, rating })}
            errors={errors}
            bReasons={cycle.bReasons}
            nothingPlanned={view.nothingPlanned}
            notSuitedForShortTermEvaluation={notSuitedForShortTermEvaluation}
            initiative={project}
            ordinalScale={cycle.ordinalScale}
          />
        ) : (
          <p className="text-std-16N-170 text-solid-gray-800">{t('form.kpiNotRated')}</p>
        )}
        <div className="flex flex-col gap-3 border-t border-solid-gray-200 pt-4">
          <SaveStatusText status={form.autosave.status} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" isPending={form.pending === 'submit'} isDisabled={Boolean(form.conflict)}>
              {t('form.submit')}
            </Button>
            <Button variant="secondary" onPress={() => void form.autosave.flush()} isDisabled={Boolean(form.conflict)}>
              {t('form.saveNow')}
            </Button>
          </div>
          <p className="text-dns-14N-130 text-solid-gray-700">{t('form.submitHint')}</p>
        </div>
      </Form>
    </section>
  );
}

import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { ApiError } from '../../../api/errors';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { descriptionClass } from '../../../components/field-styles';
import { TextField } from '../../../components/TextField';
import { useLanguage } from '../../../i18n/language';
import { CategoryFields } from './CategoryFields';
import { DestinationFields } from './DestinationFields';
import { postReprojection, SideBySide, YearRules } from './reprojection-api';
import { addCategory, fieldKey, initialDraft, RevisionDraft, toRevision } from './revision-draft';

/**
 * The revised rules as the office thinks of them — the wording of each rating, the categories
 * after the revision, where each old category goes and which projects of a split one go
 * elsewhere — sent as they are: the API's 400 is shown at the field it names.
 */
export function RevisionForm({
  wardId,
  year,
  onResult,
}: {
  wardId: string;
  year: YearRules;
  onResult: (side: SideBySide | undefined) => void;
}) {
  const { t, language } = useLanguage();
  const [draft, setDraft] = useState<RevisionDraft>(() => initialDraft(year));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();

  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(error?.fieldErrors(language) ?? {}))
    errors[fieldKey(field)] ??= message;
  const shownAtField = Object.keys(errors).some((field) => isShown(field, draft, year));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      onResult(await postReprojection(wardId, year.fiscalYear, toRevision(draft, year)));
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught);
      onResult(undefined);
    } finally {
      setPending(false);
    }
  };

  return (
    <section aria-labelledby="revision-rules" className="flex max-w-3xl flex-col gap-6">
      <h2 id="revision-rules" className="text-std-22B-150">
        {t('office.reproj.rules')}
      </h2>
      {error && (
        <Alert tone="error" title={t('office.reproj.failed')}>
          <p>
            {shownAtField ? t('office.reproj.failedAtField', { message: error.text(language) }) : error.text(language)}
          </p>
        </Alert>
      )}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="flex flex-col gap-8">
        <TextField
          label={t('office.reproj.name')}
          description={t('office.reproj.nameHint')}
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          error={errors.name}
          isRequired
        />
        <fieldset className="flex min-w-0 flex-col gap-4">
          <legend className="text-std-18B-160 text-solid-gray-900">{t('office.reproj.grades')}</legend>
          <p className={descriptionClass}>{t('office.reproj.gradesLead')}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            {year.grades.map((grade) => (
              <TextField
                key={grade.key}
                label={t('office.reproj.gradeLabel', { grade: grade.key })}
                value={draft.gradeLabels[grade.key] ?? ''}
                onChange={(label) => setDraft({ ...draft, gradeLabels: { ...draft.gradeLabels, [grade.key]: label } })}
                error={errors[`gradeLabels.${grade.key}`]}
              />
            ))}
          </div>
        </fieldset>
        <CategoryFields draft={draft} onChange={setDraft} errors={errors} />
        <DestinationFields
          draft={draft}
          onChange={setDraft}
          onSplit={() => setDraft(addCategory(draft))}
          oldReasons={year.bReasons}
          bProjects={year.bProjects}
          errors={errors}
        />
        <div>
          <Button type="submit" isPending={pending}>
            {t('office.reproj.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

/** Whether the form has a field for the path the API named (else its message is shown above the form only). */
function isShown(field: string, draft: RevisionDraft, year: YearRules): boolean {
  if (field === 'name' || field === 'bReasons') return true;
  const item = /^bReasons\[(\d+)\]\.(code|label)$/.exec(field);
  if (item) return Number(item[1]) < draft.categories.length;
  const [head, ...rest] = field.split('.');
  const name = rest.join('.');
  if (head === 'bReasonMap') return year.bReasons.some((reason) => reason.code === name);
  if (head === 'assign') return year.bProjects.some((project) => project.projectId === name);
  if (head === 'gradeLabels') return year.grades.some((grade) => grade.key === name);
  return false;
}

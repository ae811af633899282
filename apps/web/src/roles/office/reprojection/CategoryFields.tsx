import { useId } from 'react';
import { Button } from '../../../components/Button';
import { descriptionClass, errorClass } from '../../../components/field-styles';
import { ErrorIcon } from '../../../components/icons';
import { TextField } from '../../../components/TextField';
import { useLanguage } from '../../../i18n/language';
import { addCategory, RevisionDraft, removeCategory, updateCategory } from './revision-draft';

/**
 * The revised B-reason categories, one group per category (code and name). Errors are keyed by
 * the API's paths (bReasons[1].code …), so its 400 lands on the field it names.
 */
export function CategoryFields({
  draft,
  onChange,
  errors,
}: {
  draft: RevisionDraft;
  onChange: (draft: RevisionDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useLanguage();
  const id = useId();
  const groupError = errors.bReasons;
  return (
    <fieldset
      className="flex min-w-0 flex-col gap-4"
      aria-describedby={`${id}-lead${groupError ? ` ${id}-error` : ''}`}
    >
      <legend className="text-std-18B-160 text-solid-gray-900">{t('office.reproj.categories')}</legend>
      <p id={`${id}-lead`} className={descriptionClass}>
        {t('office.reproj.categoriesLead')}
      </p>
      {groupError && (
        <p id={`${id}-error`} className={errorClass}>
          <ErrorIcon />
          <span>{groupError}</span>
        </p>
      )}
      <ol className="flex flex-col gap-4">
        {draft.categories.map((category, i) => (
          <li key={category.key}>
            <fieldset className="flex min-w-0 flex-col gap-3 rounded-8 border border-solid-gray-420 p-3 sm:p-4">
              <legend className="px-1 text-std-16B-170">{t('office.reproj.category', { n: i + 1 })}</legend>
              <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
                <TextField
                  label={t('office.reproj.code')}
                  value={category.code}
                  onChange={(code) => onChange(updateCategory(draft, category.key, { code }))}
                  error={errors[`bReasons[${i}].code`]}
                  isRequired
                />
                <TextField
                  label={t('office.reproj.label')}
                  value={category.label}
                  onChange={(label) => onChange(updateCategory(draft, category.key, { label }))}
                  error={errors[`bReasons[${i}].label`]}
                  isRequired
                />
              </div>
              <div>
                <Button variant="tertiary" size="sm" onPress={() => onChange(removeCategory(draft, category.key))}>
                  {t('office.reproj.removeCategory', { n: i + 1, label: category.label || category.code || '—' })}
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div>
        <Button variant="secondary" size="sm" onPress={() => onChange(addCategory(draft))}>
          {t('office.reproj.addCategory')}
        </Button>
      </div>
    </fieldset>
  );
}

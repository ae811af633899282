import { useId } from 'react';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { descriptionClass, errorClass } from '../../components/field-styles';
import { ErrorIcon } from '../../components/icons';
import { TextField } from '../../components/TextField';
import { useLanguage } from '../../i18n/language';
import { GradeDraft, MAX_GRADES, newGrade } from './ordinal-scale';

/**
 * The ward's own scale for an ordinal year: one group per grade (code, meaning, English meaning,
 * whether it needs a reason), best first. Errors are keyed by the API's field paths
 * (ordinalScale.grades[2].code …), so the server's 400 lands on the field it names.
 */
export function OrdinalScaleFields({
  grades,
  onChange,
  errors,
}: {
  grades: GradeDraft[];
  onChange: (grades: GradeDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useLanguage();
  const id = useId();
  const update = (key: number, change: Partial<GradeDraft>) =>
    onChange(grades.map((grade) => (grade.key === key ? { ...grade, ...change } : grade)));
  const groupError = errors['ordinalScale.grades'] ?? errors.ordinalScale;
  return (
    <fieldset className="flex flex-col gap-4" aria-describedby={`${id}-lead${groupError ? ` ${id}-error` : ''}`}>
      <legend className="text-std-16B-170 text-solid-gray-900">{t('office.scale.legend')}</legend>
      <p id={`${id}-lead`} className={descriptionClass}>
        {t('office.scale.lead')}
      </p>
      {groupError && (
        <p id={`${id}-error`} className={errorClass}>
          <ErrorIcon />
          <span>{groupError}</span>
        </p>
      )}
      <ol className="flex flex-col gap-4">
        {grades.map((grade, i) => {
          const at = `ordinalScale.grades[${i}]`;
          const reasonAt = grade.reasonRequired
            ? `ordinalScale.reasonRequired[${grades.slice(0, i).filter((g) => g.reasonRequired).length}]`
            : '';
          return (
            <li key={grade.key}>
              <fieldset className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-3 sm:p-4">
                <legend className="px-1 text-std-16B-170">{t('office.scale.grade', { n: i + 1 })}</legend>
                <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
                  <TextField
                    label={t('office.scale.code')}
                    value={grade.code}
                    onChange={(code) => update(grade.key, { code })}
                    error={errors[`${at}.code`]}
                    isRequired
                  />
                  <TextField
                    label={t('office.scale.label')}
                    value={grade.label}
                    onChange={(label) => update(grade.key, { label })}
                    error={errors[`${at}.label`]}
                    isRequired
                  />
                </div>
                <TextField
                  label={t('office.scale.labelEn')}
                  value={grade.labelEn}
                  onChange={(labelEn) => update(grade.key, { labelEn })}
                  error={errors[`${at}.labelEn`]}
                />
                <Checkbox
                  label={t('office.scale.reasonRequired')}
                  isSelected={grade.reasonRequired}
                  onChange={(reasonRequired) => update(grade.key, { reasonRequired })}
                />
                {reasonAt && errors[reasonAt] && (
                  <p className={errorClass}>
                    <ErrorIcon />
                    <span>{errors[reasonAt]}</span>
                  </p>
                )}
                {grades.length > 2 && (
                  <div>
                    <Button
                      variant="tertiary"
                      size="sm"
                      onPress={() => onChange(grades.filter((other) => other.key !== grade.key))}
                    >
                      {t('office.scale.remove', { n: i + 1, code: grade.code || '—' })}
                    </Button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {grades.length < MAX_GRADES && (
        <div>
          <Button variant="secondary" size="sm" onPress={() => onChange([...grades, newGrade()])}>
            {t('office.scale.add')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

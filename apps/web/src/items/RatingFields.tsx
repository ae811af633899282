import type { NerimaGrade, OrdinalScale, Scheme } from '../api/types';
import { Checkbox } from '../components/Checkbox';
import { RadioGroup } from '../components/RadioGroup';
import { Select } from '../components/Select';
import { TextArea } from '../components/TextArea';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages.ja';
import type { RatingInput } from './rating-input';

const GRADES: NerimaGrade[] = ['A+', 'A', 'B', '*', '-'];

export interface RatingFieldsProps {
  scheme: Scheme;
  value: RatingInput;
  onChange: (value: RatingInput) => void;
  errors: Record<string, string>;
  bReasons: Array<{ code: string; label: string }>;
  /** '-' is allowed only when nothing was planned this year. */
  nothingPlanned: boolean;
  /** '*' is allowed only for projects marked as not suited to short-term evaluation. */
  notSuitedForShortTermEvaluation: boolean;
  label?: string;
  /** A Taisho initiative (具体的取組) also takes 予定どおり実施, 課題 and 改善策; an indicator does not. */
  initiative?: boolean;
  /** An ordinal cycle's scale (its grades and which need a note). */
  ordinalScale?: OrdinalScale;
}

/** The rating with its rules shown where they apply (Nerima: B reason and note, A+ note; Taisho's fields; the ward's grades). */
export function RatingFields(props: RatingFieldsProps) {
  switch (props.scheme) {
    case 'nerima':
      return <NerimaFields {...props} />;
    case 'taisho':
      return <TaishoFields {...props} />;
    case 'ordinal':
      return <OrdinalFields {...props} />;
  }
}

/** The cycle's own grades, best first, each with its meaning; the note is required where the scale says so. */
function OrdinalFields({ value, onChange, errors, label, ordinalScale }: RatingFieldsProps) {
  const { t, language } = useLanguage();
  const scale = ordinalScale ?? { grades: [], reasonRequired: [] };
  const noteRequired = value.ordinalGrade !== null && scale.reasonRequired.includes(value.ordinalGrade);
  return (
    <div className="flex flex-col gap-5">
      <RadioGroup
        label={label ?? t('rating.ordinalGrade')}
        description={
          scale.reasonRequired.length
            ? t('rating.rule.ordinalSummary', { codes: scale.reasonRequired.join('・') })
            : t('rating.rule.ordinalNoReason')
        }
        options={scale.grades.map((grade) => ({
          id: grade.code,
          label: `${grade.code}　${language === 'en' ? (grade.labelEn ?? grade.label) : grade.label}`,
        }))}
        value={value.ordinalGrade}
        onChange={(ordinalGrade) => onChange({ ...value, ordinalGrade })}
        error={errors['rating.grade'] ?? errors.rating}
      />
      <NoteField
        value={value}
        onChange={onChange}
        errors={errors}
        isRequired={noteRequired}
        description={noteRequired ? t('rating.rule.noteRequiredOrdinal') : t('rating.noteOptional')}
      />
    </div>
  );
}

/** 備考, with the rule that makes it required (or says it is optional) as its description. */
function NoteField({
  value,
  onChange,
  errors,
  isRequired,
  description,
}: Pick<RatingFieldsProps, 'value' | 'onChange' | 'errors'> & { isRequired: boolean; description: string }) {
  const { t } = useLanguage();
  return (
    <TextArea
      label={t('rating.note')}
      description={description}
      value={value.note}
      onChange={(note) => onChange({ ...value, note })}
      error={errors['rating.note']}
      isRequired={isRequired}
      rows={3}
    />
  );
}

function NerimaFields({
  value,
  onChange,
  errors,
  bReasons,
  nothingPlanned,
  notSuitedForShortTermEvaluation,
  label,
}: RatingFieldsProps) {
  const { t } = useLanguage();
  const allowed = (grade: NerimaGrade) =>
    grade === '-' ? nothingPlanned : grade === '*' ? notSuitedForShortTermEvaluation : true;
  const options = GRADES.map((grade) => ({
    id: grade,
    label: `${grade}　${t(`grade.${grade}` as MessageKey)}`,
    description: allowed(grade) ? undefined : t(grade === '-' ? 'rating.rule.dashOnly' : 'rating.rule.starOnly'),
    isDisabled: !allowed(grade),
  }));
  const noteRequired = value.grade === 'B' || value.grade === 'A+';
  return (
    <div className="flex flex-col gap-5">
      <RadioGroup
        label={label ?? t('rating.grade')}
        description={t('rating.rule.summary')}
        options={options}
        value={value.grade}
        onChange={(grade) =>
          onChange({ ...value, grade: grade as NerimaGrade, bReason: grade === 'B' ? value.bReason : null })
        }
        error={errors['rating.grade'] ?? errors.rating}
      />
      {value.grade === 'B' && (
        <Select
          label={t('rating.bReason')}
          description={t('rating.rule.bReasonRequired')}
          options={bReasons.map((reason) => ({ id: reason.code, label: reason.label }))}
          value={value.bReason}
          onChange={(bReason) => onChange({ ...value, bReason })}
          error={errors['rating.bReason']}
          isRequired
        />
      )}
      <NoteField
        value={value}
        onChange={onChange}
        errors={errors}
        isRequired={noteRequired}
        description={
          value.grade === 'B'
            ? t('rating.rule.noteRequiredB')
            : value.grade === 'A+'
              ? t('rating.rule.noteRequiredAPlus')
              : t('rating.noteOptional')
        }
      />
    </div>
  );
}

function TaishoFields({ value, onChange, errors, label, initiative }: RatingFieldsProps) {
  const { t } = useLanguage();
  return (
    <div className="flex flex-col gap-5">
      <RadioGroup
        label={label ?? t('rating.achievement')}
        options={(['A', 'B'] as const).map((a) => ({ id: a, label: `${a}　${t(`achievement.${a}` as MessageKey)}` }))}
        value={value.achievement}
        onChange={(achievement) => onChange({ ...value, achievement: achievement as 'A' | 'B' })}
        error={errors['rating.achievement'] ?? errors.rating}
        orientation="horizontal"
      />
      <TextArea
        label={t('rating.performanceTarget')}
        value={value.performanceTarget}
        onChange={(performanceTarget) => onChange({ ...value, performanceTarget })}
        error={errors['rating.performanceTarget']}
        rows={2}
      />
      <TextArea
        label={t('rating.withdrawalCriterion')}
        description={t('rating.rule.withdrawalCriterion')}
        value={value.withdrawalCriterion}
        onChange={(withdrawalCriterion) => onChange({ ...value, withdrawalCriterion })}
        error={errors['rating.withdrawalCriterion']}
        rows={2}
      />
      <Checkbox
        label={t('rating.withdrawalCriterionHit')}
        isSelected={value.withdrawalCriterionHit}
        onChange={(withdrawalCriterionHit) => onChange({ ...value, withdrawalCriterionHit })}
      />
      {initiative && <TaishoInitiativeFields value={value} onChange={onChange} errors={errors} />}
      <TextArea
        label={t('rating.note')}
        description={value.achievement === 'B' ? t('rating.rule.noteRequiredB') : t('rating.noteOptional')}
        value={value.note}
        onChange={(note) => onChange({ ...value, note })}
        error={errors['rating.note']}
        isRequired={value.achievement === 'B'}
        rows={3}
      />
    </div>
  );
}

/** Seed 004's 具体的取組 sheet: whether it went as planned, and the section's own 課題 and 改善策. */
function TaishoInitiativeFields({ value, onChange, errors }: Pick<RatingFieldsProps, 'value' | 'onChange' | 'errors'>) {
  const { t } = useLanguage();
  return (
    <>
      <RadioGroup
        label={t('rating.implementedAsPlanned')}
        options={(['yes', 'no'] as const).map((id) => ({ id, label: t(`rating.implementedAsPlanned.${id}`) }))}
        value={value.implementedAsPlanned}
        onChange={(answer) => onChange({ ...value, implementedAsPlanned: answer as 'yes' | 'no' })}
        error={errors['rating.implementedAsPlanned']}
        orientation="horizontal"
      />
      <TextArea
        label={t('rating.issues')}
        description={t('rating.issuesHint')}
        value={value.issues}
        onChange={(issues) => onChange({ ...value, issues })}
        error={errors['rating.issues']}
        rows={3}
      />
      <TextArea
        label={t('rating.improvements')}
        description={t('rating.improvementsHint')}
        value={value.improvements}
        onChange={(improvements) => onChange({ ...value, improvements })}
        error={errors['rating.improvements']}
        rows={3}
      />
    </>
  );
}

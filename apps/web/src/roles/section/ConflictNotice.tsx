import type { ItemView } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { dateTimeLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { AnswerView } from './AnswerView';

/**
 * Someone changed the item first (If-Match → 409). Shows their version beside the user's input,
 * which stays in the form: put mine on top of theirs, or take theirs.
 */
export function ConflictNotice({
  theirs,
  bReasons,
  canOverwrite,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: ItemView;
  bReasons: Array<{ code: string; label: string }>;
  canOverwrite: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t, language } = useLanguage();
  return (
    <Alert tone="warning" title={t('conflict.title')}>
      <div className="flex flex-col gap-3">
        <p>
          {t('conflict.body', {
            who: theirs.updatedBy ?? t('common.unknown'),
            at: theirs.updatedAt ? dateTimeLabel(theirs.updatedAt, language) : t('common.unknown'),
          })}
        </p>
        <h3 className="text-std-16B-170">{t('conflict.theirs')}</h3>
        <AnswerView view={theirs} rating={theirs.effectiveRating} bReasons={bReasons} />
        <p>{canOverwrite ? t('conflict.yoursKept') : t('conflict.cannotEdit')}</p>
        <div className="flex flex-wrap gap-3">
          {canOverwrite && <Button onPress={onKeepMine}>{t('conflict.keepMine')}</Button>}
          <Button variant="secondary" onPress={onTakeTheirs}>
            {t('conflict.takeTheirs')}
          </Button>
        </div>
      </div>
    </Alert>
  );
}

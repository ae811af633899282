import { dateTimeLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import type { SaveStatus } from './use-autosave';

/** The autosave's state in words, announced politely (role=status) as it changes. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t, language } = useLanguage();
  const text = (() => {
    switch (status.kind) {
      case 'idle':
        return t('form.autosaveIdle');
      case 'dirty':
        return t('form.autosaveDirty');
      case 'saving':
        return t('form.autosaveSaving');
      case 'saved':
        return t('form.autosaveSaved', { at: dateTimeLabel(status.at, language) });
      case 'error':
        return t('form.autosaveFailed', { reason: status.error.text(language) });
      case 'conflict':
        return t('form.autosaveConflict');
    }
  })();
  const tone = status.kind === 'error' || status.kind === 'conflict' ? 'text-error-2 font-bold' : 'text-solid-gray-800';
  return (
    <p role="status" className={`text-dns-16N-130 ${tone}`}>
      {text}
    </p>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, wardPath } from '../../api/client';
import { ApiError } from '../../api/errors';
import { newIdempotencyKey } from '../../api/submission';
import type { CommandResult, ItemView, OrdinalScale, Scheme } from '../../api/types';
import { useLanguage } from '../../i18n/language';
import { itemApiPath } from '../../items/paths';
import { ratingFrom, ratingProblems } from '../../items/rating-input';
import { loadItem } from '../../items/use-item';
import { clearBackup, readBackup, saveBackup } from './form-backup';
import { answerFrom, emptyFormValues, FormValues, formValuesFrom, sameValues } from './form-values';
import { useAutosave } from './use-autosave';

export interface ItemFormOptions {
  wardId: string;
  fy: number;
  view: ItemView;
  etag?: string;
  scheme: Scheme;
  /** An ordinal cycle's scale: which grades need a note. */
  ordinalScale?: OrdinalScale;
  defaultAsOf: string;
  /** Projects are rated; KPIs only under Taisho. */
  rated: boolean;
  editable: boolean;
  onChanged: () => void;
  onDraftSaved?: () => void;
}

/** One key per distinct body, kept until that body is answered: retries and double clicks send it again. */
function useKeys() {
  const keys = useRef(new Map<string, string>());
  return {
    keyFor: (body: unknown) => {
      const text = JSON.stringify(body);
      if (!keys.current.has(text)) keys.current.set(text, newIdempotencyKey());
      return keys.current.get(text)!;
    },
    done: (body: unknown) => keys.current.delete(JSON.stringify(body)),
  };
}

/** The section's form: values, autosaved drafts with If-Match, submission, withdrawal, stale-edit handling. */
export function useItemForm(options: ItemFormOptions) {
  const { t, language } = useLanguage();
  const { wardId, fy, view, scheme, rated } = options;
  const scope = `${wardId}.${fy}.${view.kind}.${view.itemId}`;
  const path = (rest: string) => wardPath(wardId, itemApiPath(fy, view.kind, view.itemId, rest));
  const [values, setValues] = useState<FormValues>(emptyFormValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [restored, setRestored] = useState(false);
  const [conflict, setConflict] = useState<{ theirs: ItemView; etag?: string } | null>(null);
  const [pending, setPending] = useState<'submit' | null>(null);
  const etag = useRef(options.etag);
  const shownValues = useRef(values);
  shownValues.current = values;
  const keys = useKeys();

  const showError = useCallback(
    (error: ApiError) => {
      const fields = error.fieldErrors(language);
      setErrors(fields);
      setFormError(Object.keys(fields).length ? null : error);
    },
    [language],
  );

  /** A draft's refusal adds to what is shown; it never takes a submission's errors away. */
  const showDraftError = useCallback(
    (error: ApiError) => {
      const fields = error.fieldErrors(language);
      // A page-level refusal of a draft is told by the save status line (SaveStatusText).
      if (Object.keys(fields).length) setErrors((shown) => ({ ...shown, ...fields }));
    },
    [language],
  );

  const fetchConflict = useCallback(async () => {
    const latest = await loadItem(wardId, fy, view.kind, view.itemId);
    setConflict({ theirs: latest.view, etag: latest.etag });
  }, [wardId, fy, view.kind, view.itemId]);

  const saveDraft = useCallback(
    async (snapshot: FormValues) => {
      const body = answerFrom(snapshot, view.kind, scheme, rated);
      if (!body.actual && !body.rating) return;
      try {
        const response = await api<CommandResult>(path('/draft'), {
          method: 'PUT',
          body,
          idempotencyKey: keys.keyFor(body),
          ifMatch: etag.current,
        });
        keys.done(body);
        etag.current = response.etag ?? etag.current;
        clearBackup(scope);
        // A saved draft says nothing about the submission's errors: those stay until their field changes.
        options.onDraftSaved?.();
      } catch (error) {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) keys.done(body);
        if (error instanceof ApiError && error.code === 'STALE_REVISION') await fetchConflict();
        else if (error instanceof ApiError) showDraftError(error);
        throw error;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.kind, scheme, rated, scope, fetchConflict, showDraftError],
  );

  const autosave = useAutosave(values, options.editable && !conflict, saveDraft);

  // Start from the server's version; put back what the user typed if the server never got it.
  useEffect(() => {
    const server = formValuesFrom(view, options.defaultAsOf);
    const backup = readBackup(scope);
    etag.current = options.etag;
    autosave.rebase(server);
    if (options.editable && backup && !sameValues(backup, server)) {
      setValues(backup);
      setRestored(true);
    } else {
      setValues(server);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, options.etag]);

  const change = useCallback(
    (next: FormValues) => {
      const changed = changedErrorKeys(shownValues.current, next);
      if (changed.length) setErrors((shown) => withoutKeys(shown, changed));
      shownValues.current = next;
      setValues(next);
      saveBackup(scope, next);
    },
    [scope],
  );

  const clientProblems = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (view.kind === 'project' && !values.actualText.trim()) problems['actual.text'] = t('form.actualRequired');
    if (view.kind === 'kpi' && !values.kpiValue.trim()) problems['actual.value'] = t('form.kpiValueRequired');
    if (view.kind === 'kpi' && !values.kpiAsOf.trim()) problems['actual.asOf'] = t('form.kpiAsOfRequired');
    if (rated && view.kind === 'project' && !ratingFrom(values.rating, scheme))
      problems['rating.grade'] = t('form.ratingRequired');
    return rated ? { ...problems, ...ratingProblems(values.rating, scheme, t, options.ordinalScale) } : problems;
  };

  const submit = async (): Promise<boolean> => {
    const problems = clientProblems();
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length) return false;
    setPending('submit');
    try {
      autosave.cancel();
      await autosave.flush().catch(() => undefined);
      const body = answerFrom(values, view.kind, scheme, rated);
      const response = await api<CommandResult>(path('/submission'), {
        method: 'POST',
        body,
        idempotencyKey: keys.keyFor(body),
        ifMatch: etag.current,
      });
      keys.done(body);
      etag.current = response.etag ?? etag.current;
      clearBackup(scope);
      autosave.rebase(values);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'STALE_REVISION') await fetchConflict();
      else showError(error);
      return false;
    } finally {
      setPending(null);
    }
  };

  /** Redo my change on top of the newer version: its ETag, my values, saved now. */
  const keepMine = async () => {
    if (!conflict) return;
    etag.current = conflict.etag;
    autosave.rebase(formValuesFrom(conflict.theirs, options.defaultAsOf));
    setConflict(null);
    await autosave.flush();
  };

  const takeTheirs = () => {
    setConflict(null);
    clearBackup(scope);
    options.onChanged();
  };

  return {
    values,
    change,
    errors,
    formError,
    restored,
    conflict,
    pending,
    submit,
    keepMine,
    takeTheirs,
    autosave,
    dismissRestored: () => setRestored(false),
  };
}

/** The error keys (the API's field names) a change answers: the errors of the fields the user touched. */
function changedErrorKeys(previous: FormValues, next: FormValues): string[] {
  const keys: string[] = [];
  if (previous.actualText !== next.actualText) keys.push('actual', 'actual.text');
  if (previous.kpiValue !== next.kpiValue) keys.push('actual', 'actual.value');
  if (previous.kpiAsOf !== next.kpiAsOf) keys.push('actual', 'actual.asOf');
  for (const field of Object.keys(next.rating) as (keyof FormValues['rating'])[]) {
    if (previous.rating[field] === next.rating[field]) continue;
    keys.push('rating', `rating.${field}`);
    // The grade (or achievement) is what "please choose a rating" is about, whichever name the check used.
    if (field === 'grade' || field === 'achievement') keys.push('rating.grade', 'rating.achievement');
  }
  return keys;
}

function withoutKeys(errors: Record<string, string>, keys: string[]): Record<string, string> {
  if (!keys.some((key) => key in errors)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !keys.includes(key)));
}

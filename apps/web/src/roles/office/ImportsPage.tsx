import { FormEvent, useId, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { api, get, wardPath } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useUser } from '../../api/session';
import { useQuery } from '../../api/use-query';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { descriptionClass, errorClass, labelClass, requiredMark } from '../../components/field-styles';
import { ErrorIcon } from '../../components/icons';
import { PageHeading } from '../../components/PageHeading';
import { useLanguage } from '../../i18n/language';
import { FormFailure } from './FormFailure';
import { ImportList } from './ImportList';
import { ImportPreview } from './ImportPreview';
import type { ImportDecisionView, ImportEntry, ImportResult } from './import-types';
import { recentImports, rememberImport } from './recent-imports';
import { useCommand } from './use-command';

const TABLES = ['構成', '取組', '指標'] as const;
const ACCEPTED = ['.xlsx', '.csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];

const filesOf = (files: File[]) => {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return form;
};
/** What identifies one submission of these files (FormData itself has no stable text). */
const identity = (files: File[]) => files.map((f) => [f.name, f.size, f.lastModified]);

/** /office/imports: template, dry-run preview with every row's error, confirm, the imports and their reversion. */
export function ImportsPage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const inputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string>();
  const [preview, setPreview] = useState<ImportDecisionView>();
  const [previewError, setPreviewError] = useState<ApiError>();
  const [previewing, setPreviewing] = useState(false);
  const [done, setDone] = useState<string>();
  const [recent, setRecent] = useState<ImportEntry[]>(() => recentImports(user.wardId));
  const confirm = useCommand();
  // Read again after each import or reversion of this page.
  const [changes, setChanges] = useState(0);
  const listed = useQuery(`office-imports:${user.wardId}:${changes}`, async (signal) => {
    const answer = await get<ImportEntry[] | { imports: ImportEntry[] }>(wardPath(user.wardId, '/imports'), signal);
    return Array.isArray(answer) ? answer : answer.imports;
  });

  const choose = (list: FileList | null) => {
    setFiles(list ? [...list] : []);
    setPreview(undefined);
    setPreviewError(undefined);
    setProblem(undefined);
    setDone(undefined);
    confirm.clearError();
  };

  const onPreview = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    if (files.length === 0) return setProblem(t('office.import.chooseFiles'));
    setProblem(undefined);
    setPreviewing(true);
    setPreviewError(undefined);
    try {
      // A dry run appends nothing: no Idempotency-Key needed.
      setPreview(
        (
          await api<ImportDecisionView>(wardPath(user.wardId, '/imports/previews'), {
            method: 'POST',
            body: filesOf(files),
          })
        ).data,
      );
    } catch (error) {
      if (error instanceof ApiError) setPreviewError(error);
      else throw error;
    } finally {
      setPreviewing(false);
    }
  };

  const onConfirm = async () => {
    const result = await confirm.send<ImportResult>(
      'POST',
      wardPath(user.wardId, '/imports'),
      filesOf(files),
      identity(files),
    );
    if (!result) return;
    setPreview(undefined);
    setFiles([]); // done with these files: a second preview would only say they are imported
    if (result.nothingToImport || !result.importId) {
      setDone(t('office.import.alreadyDone'));
      return;
    }
    setDone(t(result.replayed ? 'office.import.replayed' : 'office.import.done', { id: result.importId }));
    setChanges((n) => n + 1);
    setRecent(
      rememberImport(user.wardId, {
        importId: result.importId,
        files: (result.files ?? []).map((f) => f.name),
        importedAt: new Date().toISOString(),
        importedBy: user.displayName,
        records: result.records?.length ?? 0,
        catalogueCommands: result.catalogueCommands ?? 0,
        status: 'completed',
      }),
    );
  };

  // The server refuses the whole import with the same row errors the preview shows.
  const confirmErrors =
    confirm.error?.code === 'IMPORT_INVALID'
      ? (confirm.error.body.details as unknown as ImportDecisionView)
      : undefined;
  const fileError = problem ?? previewError?.fieldErrors(language).files ?? confirm.fieldErrors.files;
  return (
    <section className="flex flex-col gap-8">
      <PageHeading title={t('office.import.title')} lead={t('office.import.lead')}>
        {t('office.import.title')}
      </PageHeading>
      <section aria-labelledby="templates" className="flex flex-col gap-3">
        <h2 id="templates" className="text-std-22B-150">
          {t('office.import.templates')}
        </h2>
        <p className="text-std-16N-170">{t('office.import.templatesLead')}</p>
        <ul className="flex flex-col gap-2">
          <li>
            <a href={wardPath(user.wardId, '/imports/template.xlsx')} download className="text-std-16B-170">
              {t('office.import.templateXlsx')}
            </a>
          </li>
          {TABLES.map((table) => (
            <li key={table}>
              <a
                href={wardPath(user.wardId, `/imports/templates/${encodeURIComponent(table)}`)}
                download
                className="text-std-16N-170"
              >
                {t('office.import.templateCsv', { table })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="upload" className="flex max-w-5xl flex-col gap-4">
        <h2 id="upload" className="text-std-22B-150">
          {t('office.import.upload')}
        </h2>
        {done && <Alert tone="success" title={done} />}
        {previewError &&
          !previewError.fieldErrors(language).files &&
          !(previewError.body.details && 'errorCount' in previewError.body.details) && (
            <FormFailure error={previewError} title={t('office.import.previewFailed')} />
          )}
        <form onSubmit={onPreview} className="flex flex-col gap-4" noValidate>
          {/* react-aria's FileTrigger: the button speaks the page's language (a native file input speaks the browser's). */}
          <div
            role="group"
            aria-labelledby={`${inputId}-label`}
            aria-describedby={`${inputId}-hint ${inputId}-chosen${fileError ? ` ${inputId}-error` : ''}`}
            className="flex flex-col gap-2"
          >
            <span id={`${inputId}-label`} className={labelClass}>
              {t('office.import.files')}
              <span className={requiredMark}>{t('form.required')}</span>
            </span>
            <p id={`${inputId}-hint`} className={descriptionClass}>
              {t('office.import.filesHint')}
            </p>
            <div
              className={`flex flex-wrap items-center gap-3 rounded-8 border bg-white p-3 ${fileError ? 'border-2 border-error-1' : 'border-solid-gray-600'}`}
            >
              <FileTrigger allowsMultiple acceptedFileTypes={ACCEPTED} onSelect={choose}>
                <Button variant="secondary" size="sm" aria-describedby={`${inputId}-chosen`}>
                  {t('office.import.chooseButton')}
                </Button>
              </FileTrigger>
              <span id={`${inputId}-chosen`} className="text-std-16N-170">
                {files.length ? files.map((f) => f.name).join('、') : t('office.import.noneChosen')}
              </span>
            </div>
            {fileError && (
              <p id={`${inputId}-error`} className={errorClass}>
                <ErrorIcon />
                <span>{fileError}</span>
              </p>
            )}
          </div>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant={preview?.valid ? 'secondary' : 'primary'} isPending={previewing}>
              {t('office.import.preview')}
            </Button>
            {preview?.valid && (
              <Button onPress={onConfirm} isPending={confirm.pending}>
                {t('office.import.confirm', { count: files.length })}
              </Button>
            )}
          </div>
        </form>
        {!confirmErrors && (
          <FormFailure
            error={confirm.fieldErrors.files ? undefined : confirm.generalError}
            title={t('office.import.confirmFailed')}
          />
        )}
        {confirmErrors && <ImportPreview decision={confirmErrors} />}
        {previewError?.body.details && 'errorCount' in previewError.body.details && (
          <ImportPreview decision={previewError.body.details as unknown as ImportDecisionView} />
        )}
        {preview && <ImportPreview decision={preview} />}
      </section>
      <ImportList
        wardId={user.wardId}
        server={listed.data}
        serverMissing={listed.status === 'error'}
        recent={recent}
        onReverted={(entry) => {
          setRecent(rememberImport(user.wardId, entry));
          setChanges((n) => n + 1);
        }}
      />
    </section>
  );
}

import { FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, wardPath } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useUser } from '../../api/session';
import { useSubmission } from '../../api/submission';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ColumnDef, DataTable } from '../../components/DataTable';
import { descriptionClass, errorClass, labelClass } from '../../components/field-styles';
import { ErrorIcon } from '../../components/icons';
import { PageHeading } from '../../components/PageHeading';
import { fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages.ja';
import { useFiscalYear } from './use-fiscal-year';

type Outcome = 'unchanged' | 'draft' | 'submit' | 'applied' | 'error';

interface CellError {
  sheet: string;
  row: number;
  column: string;
  value?: string;
  code: string;
  message: { ja: string; en: string };
}

interface PreviewRow {
  sheet: string;
  row: number;
  kind: 'project' | 'kpi';
  itemId: string;
  name?: string;
  outcome: Outcome;
  errorCount: number;
  errors: CellError[];
  warnings: CellError[];
}

/** The answer of `POST …/workbook/previews` and `POST …/workbook` (README "A section's own workbook"). */
interface WorkbookAnswer {
  valid: boolean;
  counts: Record<Outcome, number>;
  errorCount: number;
  errorsListed: boolean;
  errorsByColumn: Array<{
    sheet: string;
    column: string;
    code: string;
    count: number;
    rows: number[];
    message: { ja: string; en: string };
  }>;
  fileErrors: CellError[];
  rows: PreviewRow[];
}

const OUTCOMES: Outcome[] = ['submit', 'draft', 'unchanged', 'applied', 'error'];

/**
 * The section's Excel round trip: download its items, fill them in offline, upload for a dry run
 * that lists every row's error (sheet, row, column, reason), then confirm the same file. Nothing is
 * saved before the confirmation, and the confirmation sends one Idempotency-Key per file.
 */
export function WorkbookPage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const fy = useFiscalYear();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [preview, setPreview] = useState<WorkbookAnswer>();
  const [previewError, setPreviewError] = useState<ApiError>();
  const [done, setDone] = useState<WorkbookAnswer>();
  const confirmation = useSubmission();
  const base = wardPath(user.wardId, `/cycles/${fy}`);

  const formOf = (chosen: File) => {
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    return form;
  };

  const runPreview = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    setPreview(undefined);
    confirmation.setError(null);
    if (!file) {
      setPreviewError(
        new ApiError({
          statusCode: 400,
          code: 'WORKBOOK_FILE_REQUIRED',
          message: { ja: t('wb.chooseFile'), en: t('wb.chooseFile') },
          field: 'file',
        }),
      );
      return;
    }
    setPreviewing(true);
    setPreviewError(undefined);
    try {
      setPreview((await api<WorkbookAnswer>(`${base}/workbook/previews`, { method: 'POST', body: formOf(file) })).data);
    } catch (caught) {
      if (caught instanceof ApiError) setPreviewError(caught);
      else throw caught;
    } finally {
      setPreviewing(false);
    }
  };

  const confirm = async () => {
    if (!file || !preview?.valid) return;
    // The same file (name, size, time) is the same submission: a double click or a retry resends its key.
    const identity = { name: file.name, size: file.size, lastModified: file.lastModified };
    const answer = await confirmation.run(identity, (idempotencyKey) =>
      api<WorkbookAnswer>(`${base}/workbook`, { method: 'POST', body: formOf(file), idempotencyKey }),
    );
    if (answer) {
      setDone(answer.data);
      setPreview(undefined);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  // A confirmation refused for row errors carries the rows: show them as a preview would.
  const refusedRows = (confirmation.error?.body.details as { rows?: PreviewRow[] } | undefined)?.rows;
  const fileError =
    previewError?.body.field === 'file' || previewError?.code === 'WORKBOOK_FILE_REQUIRED'
      ? previewError.text(language)
      : undefined;
  const describedBy = [`${inputId}-hint`, fileError ? `${inputId}-error` : ''].filter(Boolean).join(' ');
  const message = (m: { ja: string; en: string }) => m[language] ?? m.ja;

  const rowColumns: ColumnDef<PreviewRow>[] = [
    { id: 'place', header: t('wb.col.place'), cell: (row) => t('wb.place', { sheet: row.sheet, row: row.row }) },
    {
      id: 'item',
      header: t('wb.col.item'),
      isRowHeader: true,
      cell: (row) => (
        <span className="flex flex-col">
          <span>{row.itemId}</span>
          {row.name && <span className="text-dns-14N-130">{row.name}</span>}
        </span>
      ),
    },
    { id: 'outcome', header: t('wb.col.outcome'), cell: (row) => <OutcomeText outcome={row.outcome} /> },
    {
      id: 'errors',
      header: t('wb.col.errors'),
      cell: (row) => (
        <ul className="flex flex-col gap-1">
          {row.errors.map((error, index) => (
            <li key={`e${index}`} className="flex items-start gap-1 text-error-2">
              <ErrorIcon />
              <span>
                {t('wb.cellError', { column: error.column, reason: message(error.message) })}
                {error.value ? t('wb.value', { value: error.value }) : ''}
              </span>
            </li>
          ))}
          {row.errorCount > row.errors.length && (
            <li>{t('wb.moreErrors', { count: row.errorCount - row.errors.length })}</li>
          )}
          {row.warnings.map((warning, index) => (
            <li key={`w${index}`} className="text-solid-gray-800">
              {t('wb.warning', { column: warning.column, reason: message(warning.message) })}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  const rowsOf = (answer: { rows: PreviewRow[] }) =>
    answer.rows.filter((row) => row.outcome !== 'unchanged' || row.errors.length > 0 || row.warnings.length > 0);
  const title = t('wb.title', { year: fiscalYearLabel(fy, language) });

  return (
    <>
      <PageHeading title={title} lead={t('wb.lead')}>
        {title}
      </PageHeading>
      <div className="flex flex-col gap-8">
        <section aria-labelledby="wb-step1" className="flex flex-col gap-2">
          <h2 id="wb-step1" className="text-std-20B-150">
            {t('wb.step1')}
          </h2>
          <p>{t('wb.step1Body')}</p>
          <p>
            <a href={`${base}/workbook.xlsx`} download className="text-std-16B-170">
              {t('wb.download')}
            </a>
          </p>
        </section>

        <section aria-labelledby="wb-step2" className="flex flex-col gap-3">
          <h2 id="wb-step2" className="text-std-20B-150">
            {t('wb.step2')}
          </h2>
          <form onSubmit={runPreview} noValidate className="flex flex-col gap-3">
            <div className="flex flex-col gap-2">
              <label htmlFor={inputId} className={labelClass}>
                {t('wb.file')}
              </label>
              <span id={`${inputId}-hint`} className={descriptionClass}>
                {t('wb.fileHint')}
              </span>
              <input
                ref={fileInput}
                id={inputId}
                name="file"
                type="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                aria-describedby={describedBy}
                aria-invalid={fileError ? true : undefined}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setPreview(undefined);
                  setPreviewError(undefined);
                  setDone(undefined);
                  confirmation.setError(null);
                }}
                className="block w-full max-w-xl rounded-8 border border-solid-gray-600 bg-white p-2 text-std-16N-170 file:mr-3 file:rounded-4 file:border-2 file:border-blue-900 file:bg-white file:px-3 file:py-1 file:text-blue-900"
              />
              {fileError && (
                <p id={`${inputId}-error`} className={errorClass}>
                  <ErrorIcon />
                  <span>{fileError}</span>
                </p>
              )}
            </div>
            <div>
              <Button type="submit" variant="secondary" isPending={previewing} isDisabled={previewing}>
                {t('wb.check')}
              </Button>
            </div>
          </form>
          {previewError && !fileError && (
            <Alert tone="error" title={t('wb.previewFailed')}>
              {previewError.text(language)}
            </Alert>
          )}
        </section>

        {preview && (
          <section aria-labelledby="wb-preview" className="flex flex-col gap-4">
            <h2 id="wb-preview" className="text-std-20B-150">
              {t('wb.step3')}
            </h2>
            {preview.valid ? (
              <Alert tone="success" title={t('wb.valid')}>
                {t('wb.validBody')}
              </Alert>
            ) : (
              <Alert tone="error" title={t('wb.invalid', { count: preview.errorCount })}>
                {t('wb.invalidBody')}
              </Alert>
            )}
            <Counts counts={preview.counts} />
            {preview.fileErrors.length > 0 && (
              <ul className="flex flex-col gap-1">
                {preview.fileErrors.map((error, index) => (
                  <li key={index} className="flex items-start gap-1 text-error-2">
                    <ErrorIcon />
                    <span>
                      {t('wb.cellError', { column: error.column || error.sheet, reason: message(error.message) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {!preview.errorsListed && (
              <ul className="flex flex-col gap-1">
                {preview.errorsByColumn.map((entry) => (
                  <li key={`${entry.sheet}:${entry.column}:${entry.code}`}>
                    {t('wb.byColumn', {
                      sheet: entry.sheet,
                      column: entry.column,
                      count: entry.count,
                      reason: message(entry.message),
                      rows: entry.rows.join('、'),
                    })}
                  </li>
                ))}
              </ul>
            )}
            <DataTable
              label={t('wb.rowsTable')}
              rows={rowsOf(preview)}
              rowKey={(row) => `${row.sheet}:${row.row}`}
              columns={rowColumns}
              empty={t('wb.noChanges')}
            />
            {preview.valid && (preview.counts.submit > 0 || preview.counts.draft > 0) && (
              <div className="flex flex-col gap-2">
                <p>{t('wb.confirmHint', { submit: preview.counts.submit, draft: preview.counts.draft })}</p>
                <div>
                  <Button onPress={confirm} isPending={confirmation.pending} isDisabled={confirmation.pending}>
                    {t('wb.confirm')}
                  </Button>
                </div>
              </div>
            )}
            {preview.valid && preview.counts.submit === 0 && preview.counts.draft === 0 && (
              <p>{t('wb.nothingToSave')}</p>
            )}
          </section>
        )}

        {confirmation.error && (
          <section aria-labelledby="wb-refused" className="flex flex-col gap-3">
            <h2 id="wb-refused" className="sr-only">
              {t('wb.confirmFailed')}
            </h2>
            <Alert tone="error" title={t('wb.confirmFailed')}>
              {confirmation.error.text(language)}
            </Alert>
            {refusedRows && (
              <DataTable
                label={t('wb.rowsTable')}
                rows={refusedRows}
                rowKey={(row) => `${row.sheet}:${row.row}`}
                columns={rowColumns}
                empty={t('common.none')}
              />
            )}
          </section>
        )}

        {done && (
          <section aria-labelledby="wb-done" className="flex flex-col gap-3">
            <h2 id="wb-done" className="text-std-20B-150">
              {t('wb.doneTitle')}
            </h2>
            <Alert tone="success" title={t('wb.done', { submit: done.counts.submit, draft: done.counts.draft })}>
              <Link to={`/cycles/${fy}/inbox`}>{t('wb.toInbox')}</Link>
            </Alert>
          </section>
        )}
      </div>
    </>
  );
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  const { t } = useLanguage();
  const style =
    outcome === 'error'
      ? 'border-error-2 bg-red-50 text-red-1100'
      : outcome === 'submit'
        ? 'border-success-2 bg-green-50 text-green-1200'
        : 'border-solid-gray-700 bg-white text-solid-gray-900';
  return (
    <span className={`inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-130 ${style}`}>
      {t(`wb.outcome.${outcome}` as MessageKey)}
    </span>
  );
}

function Counts({ counts }: { counts: Record<Outcome, number> }) {
  const { t } = useLanguage();
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-1" aria-label={t('wb.counts')}>
      {OUTCOMES.filter((o) => (counts[o] ?? 0) > 0 || o === 'error').map((o) => (
        <li key={o}>
          {t(`wb.outcome.${o}` as MessageKey)}：{counts[o] ?? 0}
        </li>
      ))}
    </ul>
  );
}

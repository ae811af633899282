import { useState } from 'react';
import { get, wardPath } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { useUser } from '../../api/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ColumnDef, DataTable } from '../../components/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages.ja';
import { auditTimeLabel } from './audit-time';

interface ChainBreak {
  stream: string;
  revision: number;
  eventId?: string;
  position?: number;
  problem: string;
  detail: string;
}

interface VerificationReport {
  intact: boolean;
  streams: number;
  events: number;
  anchorsChecked: number;
  firstBreak?: ChainBreak;
  breaks: ChainBreak[];
}

const KNOWN_PROBLEMS = ['altered', 'removed', 'reordered', 'unchained'];

/** Recomputes the ward's hash chains and the chain heads each publication pinned, on demand. */
export function VerificationPage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ report: VerificationReport; at: string }>();
  const [error, setError] = useState<ApiError>();
  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const report = await get<VerificationReport>(wardPath(user.wardId, '/audit/verification'));
      setResult({ report, at: new Date().toISOString() });
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setRunning(false);
    }
  };
  const problem = (code: string) => (KNOWN_PROBLEMS.includes(code) ? t(`audit.problem.${code}` as MessageKey) : code);
  const columns: ColumnDef<ChainBreak>[] = [
    {
      id: 'stream',
      header: t('audit.stream'),
      cell: (b) => <span className="break-all">{b.stream}</span>,
      isRowHeader: true,
    },
    { id: 'revision', header: t('audit.revision'), cell: (b) => b.revision, className: 'whitespace-nowrap' },
    {
      id: 'position',
      header: t('audit.position'),
      cell: (b) => b.position ?? t('common.unknown'),
      className: 'whitespace-nowrap',
    },
    { id: 'problem', header: t('audit.problem'), cell: (b) => problem(b.problem), className: 'min-w-[8rem]' },
    {
      id: 'detail',
      header: t('audit.problemDetail'),
      className: 'min-w-[12rem]',
      cell: (b) => (
        <span className="break-words">
          {b.detail}
          {b.eventId ? ` (${b.eventId})` : ''}
        </span>
      ),
    },
  ];
  const title = t('audit.verificationTitle');
  return (
    <>
      <PageHeading title={title} lead={t('audit.verificationLead')}>
        {title}
      </PageHeading>
      <div className="flex flex-col gap-6">
        <div>
          <Button onPress={run} isPending={running} isDisabled={running}>
            {running ? t('audit.verifying') : t('audit.runVerification')}
          </Button>
        </div>
        {error && <QueryError error={error} onRetry={run} />}
        {result && (
          <section aria-labelledby="verification-result" aria-live="polite" className="flex flex-col gap-4">
            <h2 id="verification-result" className="text-std-24B-150">
              {t('audit.verificationResult')}
            </h2>
            {result.report.intact ? (
              <Alert tone="success" title={t('audit.intact')}>
                {t('audit.intactBody')}
              </Alert>
            ) : (
              <Alert tone="error" title={t('audit.broken', { count: result.report.breaks.length })}>
                {t('audit.brokenBody')}
              </Alert>
            )}
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              <dt className="font-bold">{t('audit.checkedAt')}</dt>
              <dd>{auditTimeLabel(result.at, language)}</dd>
              <dt className="font-bold">{t('audit.streamsChecked')}</dt>
              <dd>{result.report.streams}</dd>
              <dt className="font-bold">{t('audit.eventsChecked')}</dt>
              <dd>{result.report.events}</dd>
              <dt className="font-bold">{t('audit.anchorsChecked')}</dt>
              <dd>{result.report.anchorsChecked}</dd>
            </dl>
            {result.report.firstBreak && (
              <p className="text-std-16B-170">
                {t('audit.firstBreak', {
                  stream: result.report.firstBreak.stream,
                  revision: result.report.firstBreak.revision,
                  problem: problem(result.report.firstBreak.problem),
                })}
              </p>
            )}
            {result.report.breaks.length > 0 && (
              <DataTable
                label={t('audit.breaks')}
                rows={result.report.breaks}
                rowKey={(b) => `${b.stream}:${b.revision}:${b.problem}`}
                columns={columns}
                empty={t('common.none')}
              />
            )}
          </section>
        )}
      </div>
    </>
  );
}

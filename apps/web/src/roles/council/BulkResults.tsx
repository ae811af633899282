import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { useLanguage } from '../../i18n/language';
import { councilReviewPath } from '../../items/paths';
import type { BulkResult } from './bulk-approve';

/** Every item's result of a bulk approval: the failures named with the server's reason. */
export function BulkResults({ results, fy }: { results: BulkResult[]; fy: number }) {
  const { t, language } = useLanguage();
  const approved = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  return (
    <div className="flex flex-col gap-3">
      <Alert
        tone={failed.length ? 'warning' : 'success'}
        title={t('council.bulk.summary', { ok: approved.length, failed: failed.length })}
      >
        {failed.length > 0 && (
          <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
            {failed.map((r) => (
              <li key={`${r.item.kind}:${r.item.itemId}`}>
                <Link to={councilReviewPath(fy, r.item)}>{r.item.name}</Link>：{r.error?.text(language)}
              </li>
            ))}
          </ul>
        )}
      </Alert>
      {approved.length > 0 && (
        <details className="rounded-8 border border-solid-gray-420 p-3">
          <summary className="cursor-pointer text-std-16B-170">
            {t('council.bulk.approvedList', { count: approved.length })}
          </summary>
          <ul className="mt-2 list-disc pl-5">
            {approved.map((r) => (
              <li key={`${r.item.kind}:${r.item.itemId}`}>
                {r.item.name}（{t('status.approved')}）
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

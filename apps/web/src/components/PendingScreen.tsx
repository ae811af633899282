import { PageHeading } from './PageHeading';
import { Alert } from './Alert';
import { useLanguage } from '../i18n/language';

/** A route that exists in the contract but whose screen is not built yet: say so plainly. */
export function PendingScreen({ title }: { title: string }) {
  const { language } = useLanguage();
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <Alert tone="info" title={language === 'ja' ? 'この画面は準備中です' : 'This screen is being built'}>
        <p>{language === 'ja' ? 'API から同じ操作ができます（README「Using the API」）。' : 'The same can be done through the API (README, "Using the API").'}</p>
      </Alert>
    </section>
  );
}

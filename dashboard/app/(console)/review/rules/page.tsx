import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { REVIEW_RULES } from '@/lib/graphql/documents/review';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';
import { RulesForm } from './RulesForm';

export default async function ReviewRulesPage() {
  await requirePage('reviewRules');
  const { t } = await getI18n();
  const result = await tryQuery(REVIEW_RULES);
  return (
    <>
      <PageHeader title={t.reviewRules.title} description={t.reviewRules.description} />
      {result.error ? (
        <ErrorNotice failure={result.error} retry />
      ) : (
        <RulesForm rules={result.data.reviewRules} />
      )}
    </>
  );
}

import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { API_KEYS } from '@/lib/graphql/documents/keys';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';
import { CreateKeyForm } from './CreateKeyForm';
import { KeyTable } from './KeyTable';

export default async function KeysPage() {
  const viewer = await requirePage('keys');
  const { t } = await getI18n();
  const keys = await tryQuery(API_KEYS);

  return (
    <>
      <PageHeader title={t.keys.title} description={t.keys.description} />
      <CreateKeyForm />
      <section className="card">
        {keys.error ? (
          <ErrorNotice failure={keys.error} retry />
        ) : keys.data.apiKeys.length === 0 ? (
          <EmptyState title={t.keys.empty} />
        ) : (
          <KeyTable keys={keys.data.apiKeys} viewerId={viewer.id} />
        )}
      </section>
    </>
  );
}

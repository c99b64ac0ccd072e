import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { API_KEYS, USAGE } from '@/lib/graphql/documents/keys';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';
import { usageFrom } from '@/lib/usage';
import { CreateKeyForm } from './CreateKeyForm';
import { KeyTable } from './KeyTable';
import { UsagePanel } from './UsagePanel';

export default async function KeysPage() {
  const viewer = await requirePage('keys');
  const { t } = await getI18n();
  const today = new Date().toISOString().slice(0, 10); // usage days are UTC days
  const [keys, usage] = await Promise.all([
    tryQuery(API_KEYS),
    tryQuery(USAGE, { from: usageFrom(today), to: today }),
  ]);

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
      <section className="card stack">
        <h2>{t.keys.usage.title}</h2>
        <p className="muted">{t.keys.usage.description}</p>
        {usage.error ? (
          <ErrorNotice failure={usage.error} retry />
        ) : (
          <UsagePanel rows={usage.data.usage} today={today} />
        )}
      </section>
    </>
  );
}

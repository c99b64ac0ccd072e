import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { LABEL_SETS } from '@/lib/graphql/documents/labels';
import { MODEL_VERSIONS } from '@/lib/graphql/documents/models';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';
import { TryItWorkbench } from './TryItWorkbench';

export default async function TryItPage() {
  await requirePage('try');
  const { t } = await getI18n();
  const [models, labelSets] = await Promise.all([tryQuery(MODEL_VERSIONS), tryQuery(LABEL_SETS)]);
  const activeModels = models.data?.modelVersions.filter((model) => model.active) ?? [];

  return (
    <>
      <PageHeader title={t.tryIt.title} description={t.tryIt.description} />
      {models.error ? (
        <ErrorNotice failure={models.error} retry />
      ) : activeModels.length === 0 ? (
        <section className="card">
          <EmptyState title={t.tryIt.noModels} />
        </section>
      ) : (
        <TryItWorkbench
          models={activeModels}
          labelSets={(labelSets.data?.labelSets ?? []).filter((set) => set.latestVersion !== null)}
        />
      )}
    </>
  );
}

import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { MODEL_FAMILIES, MODEL_VERSIONS } from '@/lib/graphql/documents/models';
import { tryQuery } from '@/lib/graphql/server';
import type { ModelVersionFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { BenchmarkSection } from './BenchmarkSection';
import { DefaultProfileForm } from './DefaultProfileForm';
import { ImportModelForm } from './ImportModelForm';
import { ModelVersionTable } from './ModelVersionTable';
import { ProfileComparison } from './ProfileComparison';

function groupByName(versions: ModelVersionFragment[]): Map<string, ModelVersionFragment[]> {
  const groups = new Map<string, ModelVersionFragment[]>();
  for (const version of versions) groups.set(version.name, [...(groups.get(version.name) ?? []), version]);
  return groups;
}

export default async function ModelsPage({
  searchParams,
}: {
  searchParams: Promise<{ job?: string | string[] }>;
}) {
  const viewer = await requirePage('models');
  const { job } = await searchParams;
  const watchJobId = typeof job === 'string' ? job : undefined;
  const { t } = await getI18n();
  const models = await tryQuery(MODEL_VERSIONS);
  const isAdmin = viewer.role === 'ADMIN';
  // An API without model import does not know the query: the form is then left out.
  const families = isAdmin ? (await tryQuery(MODEL_FAMILIES)).data?.modelFamilies : undefined;

  return (
    <>
      <PageHeader title={t.models.title} description={t.models.description} />
      {models.error ? (
        <ErrorNotice failure={models.error} retry />
      ) : models.data.modelVersions.length === 0 ? (
        <section className="card">
          <EmptyState title={t.models.noModels} />
        </section>
      ) : (
        [...groupByName(models.data.modelVersions)].map(([name, versions]) => {
          const active = versions.find((version) => version.active);
          return (
            <section key={name} className="card stack">
              <h2>{name}</h2>
              <ModelVersionTable versions={versions} />
              {active && <DefaultProfileForm model={active} />}
              <ProfileComparison model={name} activeModel={active} />
              {active && (
                <BenchmarkSection model={active} canStart={viewer.role === 'ADMIN'} watchJobId={watchJobId} />
              )}
            </section>
          );
        })
      )}
      {families && <ImportModelForm families={families} />}
    </>
  );
}

import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { API_KEYS } from '@/lib/graphql/documents/keys';
import { AUDIT_LOG, LABEL_CATEGORIES, LABEL_SET, LABEL_SETS } from '@/lib/graphql/documents/labels';
import { tryQuery } from '@/lib/graphql/server';
import type { LabelSetSummaryFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { chooseLabelSet } from '@/lib/labels/default-set';
import { AuditTrail } from './AuditTrail';
import { CreateLabelSetForm } from './CreateLabelSetForm';
import { ExportCsvButton } from './ExportCsvButton';
import { ImportCsvButton } from './ImportCsvButton';
import { LabelSetTabs } from './LabelSetTabs';
import { LabelTable } from './LabelTable';
import { PublishButton } from './PublishButton';

/** The audit log filters by exact entity only, so read the most recent page (the API's largest) and keep
 * this set's entries. */
const AUDIT_WINDOW = 100;
const AUDIT_SHOWN = 20;

export default async function LabelsPage({ searchParams }: { searchParams: Promise<{ set?: string }> }) {
  await requirePage('labels');
  const { t } = await getI18n();
  const { set } = await searchParams;
  const sets = await tryQuery(LABEL_SETS);
  if (sets.error) return <ErrorNotice failure={sets.error} retry />;

  const summaries = sets.data.labelSets;
  const selected = await chooseLabelSet(summaries, set);
  return (
    <>
      <PageHeader title={t.labels.title} description={t.labels.description} />
      {selected ? (
        <LabelSetEditor summaries={summaries} selected={selected} />
      ) : (
        <section className="card">
          <EmptyState title={t.labels.noSets} />
        </section>
      )}
      {selected && <AuditSection labelSet={selected.key} />}
      <CreateLabelSetForm sets={summaries} />
    </>
  );
}

async function LabelSetEditor({
  summaries,
  selected,
}: {
  summaries: LabelSetSummaryFragment[];
  selected: LabelSetSummaryFragment;
}) {
  const { t } = await getI18n();
  // Edits go to the draft, so show the draft when there is one; otherwise the latest published version.
  const [version, categories] = await Promise.all([
    tryQuery(LABEL_SET, { key: selected.key, draft: selected.hasDraft }),
    tryQuery(LABEL_CATEGORIES),
  ]);
  return (
    <section className="card stack">
      <LabelSetTabs summaries={summaries} selected={selected.key} />
      <div className="card-header">
        <h2>
          {selected.name} <span className="mono muted">{selected.key}</span>{' '}
          <span className={`badge ${selected.hasDraft ? 'accent' : 'ok'}`}>
            {selected.hasDraft
              ? t.labels.draft(selected.latestVersion)
              : t.labels.published(selected.latestVersion ?? 0)}
          </span>
        </h2>
        {version.data && (
          <div className="toolbar">
            <ExportCsvButton labelSet={selected.key} labels={version.data.labelSet.labels} />
            <ImportCsvButton labelSet={selected.key} labels={version.data.labelSet.labels} />
            <PublishButton labelSet={selected.key} name={selected.name} disabled={!selected.hasDraft} />
          </div>
        )}
      </div>
      {version.error ? (
        <ErrorNotice failure={version.error} retry />
      ) : (
        <LabelTable
          labelSet={selected.key}
          labels={version.data.labelSet.labels}
          categories={categories.data?.labelCategories ?? []}
        />
      )}
    </section>
  );
}

const belongsTo = (labelSet: string) => (entity: string) =>
  entity === `labelSet:${labelSet}` || entity.startsWith(`label:${labelSet}/`);

async function AuditSection({ labelSet }: { labelSet: string }) {
  const { t } = await getI18n();
  const [audit, keys] = await Promise.all([tryQuery(AUDIT_LOG, { first: AUDIT_WINDOW }), tryQuery(API_KEYS)]);
  const entries = audit.data?.auditLog.edges
    .map((edge) => edge.node)
    .filter((entry) => belongsTo(labelSet)(entry.entity));
  const keyNames = new Map(keys.data?.apiKeys.map((key) => [key.id, key.name]));
  return (
    <section className="card">
      <h2>{t.labels.audit}</h2>
      {audit.error ? (
        <ErrorNotice failure={audit.error} />
      ) : entries?.length ? (
        <AuditTrail entries={entries.slice(0, AUDIT_SHOWN)} keyNames={keyNames} />
      ) : (
        <EmptyState title={t.labels.auditEmpty} />
      )}
    </section>
  );
}

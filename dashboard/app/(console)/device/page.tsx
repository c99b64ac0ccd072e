import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { DEVICE_BUNDLES } from '@/lib/graphql/documents/bundles';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';
import { DeviceWorkbench } from './DeviceWorkbench';

/** 端侧体验: the default model's bundles, run in the admin's own browser beside the server's answer. */
export default async function DevicePage() {
  await requirePage('device');
  const { t } = await getI18n();
  const bundles = await tryQuery(DEVICE_BUNDLES, {});
  return (
    <>
      <PageHeader title={t.device.title} description={t.device.description} />
      {bundles.error ? (
        <ErrorNotice failure={bundles.error} retry />
      ) : !bundles.data?.deviceBundles.length ? (
        <section className="card">
          <EmptyState title={t.device.noBundles} />
        </section>
      ) : (
        <DeviceWorkbench bundles={bundles.data.deviceBundles} />
      )}
    </>
  );
}

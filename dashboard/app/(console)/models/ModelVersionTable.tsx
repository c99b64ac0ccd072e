import { formatBytes, formatDateTime, formatProfile } from '@/lib/format';
import type { ModelVersionFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { ActivateButton } from './ActivateButton';

const basisKey = (source: ModelVersionFragment['defaultProfileBasis']['source']) =>
  source.toLowerCase() as Lowercase<typeof source>;

/** Versions of one model, newest first; activating an older one is a rollback. */
export async function ModelVersionTable({ versions }: { versions: ModelVersionFragment[] }) {
  const { locale, t } = await getI18n();
  const c = t.models.columns;
  const newestFirst = [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const active = versions.find((version) => version.active);

  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{c.version}</th>
            <th>{c.status}</th>
            <th>{c.family}</th>
            <th>{c.labelSet}</th>
            <th>{c.defaultProfile}</th>
            <th>{c.artifacts}</th>
            <th>{c.created}</th>
            <th>{t.common.actions}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((version) => (
            <tr key={version.id}>
              <td className="mono">{version.version}</td>
              <td>{version.active && <span className="badge ok">{t.models.active}</span>}</td>
              <td>{version.family}</td>
              <td className="mono">{version.labelSet}</td>
              <td>
                <div className="nowrap">
                  {formatProfile(version.defaultPrecision, version.defaultInputSize)}
                </div>
                <div className="muted">
                  {t.models.defaultBasis[basisKey(version.defaultProfileBasis.source)]}
                  {version.defaultProfileBasis.provider && ` · ${version.defaultProfileBasis.provider}`}
                </div>
                <div className="muted basis-reason">{version.defaultProfileBasis.reason}</div>
              </td>
              <td>
                {version.artifacts.map((artifact) => (
                  <div key={artifact.sha256} className="nowrap">
                    {formatProfile(artifact.precision, artifact.inputSize ?? t.models.anySize)}{' '}
                    <span className="muted">{formatBytes(artifact.bytes)}</span>
                  </div>
                ))}
              </td>
              <td className="nowrap">{formatDateTime(version.createdAt, locale)}</td>
              <td>
                {!version.active && (
                  <ActivateButton
                    name={version.name}
                    version={version.version}
                    isRollback={!!active && version.createdAt < active.createdAt}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

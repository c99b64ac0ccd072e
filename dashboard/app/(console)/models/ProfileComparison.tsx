import { Fragment } from 'react';
import { BarChart } from '@/components/charts/BarChart';
import { ScatterChart } from '@/components/charts/ScatterChart';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { formatBytes, formatMB, formatMs, formatPercent, formatPoints, formatRate } from '@/lib/format';
import { PROFILE_COMPARISON } from '@/lib/graphql/documents/models';
import { tryQuery } from '@/lib/graphql/server';
import type { ModelVersionFragment, ProfileResultFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { flagText } from '@/lib/i18n/system-text';
import { profileColor, profileName } from '@/lib/profiles';
import { SetDefaultButton } from './SetDefaultButton';
import styles from './models.module.css';

const COLUMN_COUNT = 14;
const profileId = (r: ProfileResultFragment) => `${r.precision}-${r.inputSize}-${r.batchSize}`;
const profileLabel = (r: ProfileResultFragment) =>
  `${profileName(r.precision)} · ${r.inputSize} ×${r.batchSize}`;

/** Benchmark results per precision × input size (at its best batch): a table, accuracy against speed, memory. */
export async function ProfileComparison({
  model,
  activeModel,
}: {
  model: string;
  activeModel?: ModelVersionFragment;
}) {
  const { t } = await getI18n();
  const comparison = await tryQuery(PROFILE_COMPARISON, { model });
  // An API without benchmarks does not know the field: that is "no results yet", not a failure.
  if (comparison.error && comparison.error.code !== 'GRAPHQL_VALIDATION_FAILED') {
    return <ErrorNotice failure={comparison.error} />;
  }
  const results = comparison.data?.profileComparison ?? [];

  return (
    <div className="stack">
      <h3>{t.models.comparison(model)}</h3>
      {results.length === 0 ? (
        <EmptyState title={t.models.noResults}>
          <p>{t.models.noResultsHint}</p>
        </EmptyState>
      ) : (
        <>
          <ProfileTable model={model} results={results} activeModel={activeModel} />
          <div className={styles.charts}>
            <ScatterChart
              title={t.models.accuracyVsSpeed}
              xLabel={t.models.profileColumns.imagesPerSecond}
              yLabel={t.models.profileColumns.mAP}
              formatY={(value) => formatPercent(value, 1)}
              points={results
                .filter((r) => r.mAP !== null)
                .map((r) => ({
                  id: profileId(r),
                  x: r.imagesPerSecond,
                  y: r.mAP!,
                  label: profileLabel(r),
                  color: profileColor(r.precision),
                }))}
            />
            <BarChart
              title={t.models.memoryChart}
              formatValue={formatMB}
              bars={results.map((r) => ({
                id: profileId(r),
                label: profileLabel(r),
                value: r.memoryMB,
                color: profileColor(r.precision),
              }))}
            />
          </div>
        </>
      )}
    </div>
  );
}

async function ProfileTable({
  model,
  results,
  activeModel,
}: {
  model: string;
  results: ProfileResultFragment[];
  activeModel?: ModelVersionFragment;
}) {
  const { t } = await getI18n();
  const c = t.models.profileColumns;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{c.precision}</th>
            <th className="num">{c.inputSize}</th>
            <th className="num">{c.batch}</th>
            <th className="num">{c.imagesPerSecond}</th>
            <th className="num">{c.p50}</th>
            <th className="num">{c.p95}</th>
            <th className="num">{c.memory}</th>
            <th className="num">{c.file}</th>
            <th className="num">{c.mAP}</th>
            <th className="num">{c.mAP50}</th>
            <th className="num">{c.delta}</th>
            <th className="num">{c.agreement}</th>
            <th>{c.provider}</th>
            <th>{t.common.actions}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => {
            const precision = r.servable ? r.servingPrecision : null;
            return (
              <Fragment key={profileId(r)}>
                <tr className={r.flags.length ? styles.flagged : undefined}>
                  <td className="nowrap">
                    <span className="swatch" style={{ background: profileColor(r.precision) }} />
                    {profileName(r.precision)}
                  </td>
                  <td className="num">{r.inputSize}</td>
                  <td className="num">{r.batchSize}</td>
                  <td className="num">{formatRate(r.imagesPerSecond)}</td>
                  <td className="num">{formatMs(r.latencyP50Ms)}</td>
                  <td className="num">{formatMs(r.latencyP95Ms)}</td>
                  <td className="num">{formatMB(r.memoryMB)}</td>
                  <td className="num">{formatBytes(r.fileBytes)}</td>
                  <td className="num">{formatPercent(r.mAP, 1)}</td>
                  <td className="num">{formatPercent(r.mAP50, 1)}</td>
                  <td className="num">{formatPoints(r.deltaMAP)}</td>
                  <td className="num">{formatPercent(r.agreement, 1)}</td>
                  <td className="mono">{r.provider}</td>
                  <td>
                    {/* Only what a request runs can become the default: not fp16-storage beside an fp16 artifact. */}
                    {activeModel && precision && (
                      <SetDefaultButton
                        model={model}
                        profile={{ precision, inputSize: r.inputSize }}
                        isDefault={
                          activeModel.defaultPrecision === precision &&
                          activeModel.defaultInputSize === r.inputSize
                        }
                      />
                    )}
                  </td>
                </tr>
                {/* Warnings are sentences with their numbers: they get the row's full width. */}
                {r.flags.length > 0 && (
                  <tr className={styles.flagRow}>
                    <td colSpan={COLUMN_COUNT}>
                      <span className="muted">{c.flags}：</span>
                      {r.flags.map((flag) => (
                        <span key={flag} className={styles.flag}>
                          ⚠ {flagText(flag, t.systemText)}
                        </span>
                      ))}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { BarChart } from '@/components/charts/BarChart';
import { ScatterChart } from '@/components/charts/ScatterChart';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import {
  formatBytes,
  formatDeltaPoints,
  formatMB,
  formatMs,
  formatPercent,
  formatProfile,
  formatRate,
} from '@/lib/format';
import { PROFILE_COMPARISON } from '@/lib/graphql/documents/models';
import { tryQuery } from '@/lib/graphql/server';
import type { ModelVersion, ProfileResult } from '@/lib/graphql/types';
import { getI18n } from '@/lib/i18n/server';
import { PRECISION_COLORS } from '@/lib/profiles';
import { SetDefaultButton } from './SetDefaultButton';
import styles from './models.module.css';

const profileId = (r: ProfileResult) => `${r.precision}-${r.inputSize}-${r.batchSize}`;

/** Benchmark results per precision × input size × batch: a table, accuracy against speed, and memory. */
export async function ProfileComparison({
  model,
  activeModel,
}: {
  model: string;
  activeModel?: ModelVersion;
}) {
  const { t } = await getI18n();
  const comparison = await tryQuery(PROFILE_COMPARISON, { model });
  // Until the API serves benchmarks the field is unknown to it: that is "no results yet", not a failure.
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
                  label: `${formatProfile(r.precision, r.inputSize)} ×${r.batchSize}`,
                  color: PRECISION_COLORS[r.precision],
                }))}
            />
            <BarChart
              title={t.models.memoryChart}
              formatValue={formatMB}
              bars={results.map((r) => ({
                id: profileId(r),
                label: `${formatProfile(r.precision, r.inputSize)} ×${r.batchSize}`,
                value: r.memoryMB,
                color: PRECISION_COLORS[r.precision],
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
  results: ProfileResult[];
  activeModel?: ModelVersion;
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
            <th>{c.flags}</th>
            <th>{c.provider}</th>
            <th>{t.common.actions}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={profileId(r)}>
              <td>
                <span className="swatch" style={{ background: PRECISION_COLORS[r.precision] }} />
                {r.precision}
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
              <td className="num">{formatDeltaPoints(r.deltaMAP)}</td>
              <td className="num">{formatPercent(r.agreement, 1)}</td>
              <td>
                {r.flags.map((flag) => (
                  <span key={flag} className="badge danger">
                    {flag}
                  </span>
                ))}
              </td>
              <td className="mono">{r.provider}</td>
              <td>
                {activeModel && (
                  <SetDefaultButton
                    model={model}
                    profile={{ precision: r.precision, inputSize: r.inputSize }}
                    isDefault={
                      activeModel.defaultPrecision === r.precision &&
                      activeModel.defaultInputSize === r.inputSize
                    }
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

import { formatMB, formatMs } from '@/lib/format';
import type { ArtifactStatsFragment, LatencyPercentilesFragment } from '@/lib/graphql/generated/graphql';
import type { ArtifactState } from '@/lib/graphql/types';
import { getI18n } from '@/lib/i18n/server';

/** A percentile from an empty window is not a measurement. */
const percentile = (latency: LatencyPercentilesFragment, pick: 'p50' | 'p90' | 'p99') =>
  formatMs(latency.count > 0 ? latency[pick] : null);

export async function ArtifactTable({ artifacts }: { artifacts: ArtifactStatsFragment[] }) {
  const { t } = await getI18n();
  const c = t.overview.columns;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{c.artifact}</th>
            <th>{c.state}</th>
            <th>{c.provider}</th>
            <th className="num">{c.queue}</th>
            <th className="num">{c.inFlight}</th>
            <th className="num">{c.batch}</th>
            <th className="num">{c.memory}</th>
            <th className="num">{c.completed}</th>
            <th className="num">{c.failed}</th>
            <th className="num">{c.p50}</th>
            <th className="num">{c.p90}</th>
            <th className="num">{c.p99}</th>
          </tr>
        </thead>
        <tbody>
          {artifacts.map((a) => (
            <tr key={a.artifact}>
              <td className="mono">{a.artifact}</td>
              <td>
                <span className={`badge ${a.state === 'ready' ? 'ok' : ''}`}>
                  {/* The API sends a plain String: a state this dashboard does not know shows as it is. */}
                  {t.overview.states[a.state as ArtifactState] ?? a.state}
                </span>
              </td>
              <td className="mono">{a.executionProvider}</td>
              <td
                className="num"
                title={t.overview.queueBreakdown(a.queueDepthInteractive, a.queueDepthBulk)}
              >
                {a.queueDepthInteractive + a.queueDepthBulk}
              </td>
              <td className="num">{a.inFlight}</td>
              <td className="num" title={t.overview.batchLimitedBy(a.batchSizeLimitedBy)}>
                {a.batchSize}
              </td>
              <td className="num">{formatMB(a.sessionMB)}</td>
              <td className="num">{a.completed}</td>
              <td className="num">{a.failed}</td>
              <td className="num">{percentile(a.totalMs, 'p50')}</td>
              <td className="num">{percentile(a.totalMs, 'p90')}</td>
              <td className="num">{percentile(a.totalMs, 'p99')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

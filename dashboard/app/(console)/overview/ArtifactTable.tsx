import { formatMB, formatMs, formatRate } from '@/lib/format';
import type { ArtifactStats } from '@/lib/graphql/types';
import { getI18n } from '@/lib/i18n/server';

export async function ArtifactTable({ artifacts }: { artifacts: ArtifactStats[] }) {
  const { t } = await getI18n();
  const c = t.overview.columns;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{c.artifact}</th>
            <th>{c.state}</th>
            <th className="num">{c.queue}</th>
            <th className="num">{c.inFlight}</th>
            <th className="num">{c.batch}</th>
            <th className="num">{c.memory}</th>
            <th className="num">{c.completed}</th>
            <th className="num">{c.failed}</th>
            <th className="num">{c.p50}</th>
            <th className="num">{c.p95}</th>
            <th className="num">{c.p99}</th>
            <th className="num">{c.throughput}</th>
          </tr>
        </thead>
        <tbody>
          {artifacts.map((a) => (
            <tr key={a.key}>
              <td className="mono">{a.key}</td>
              <td>
                <span className={`badge ${a.ready ? 'ok' : ''}`}>
                  {a.ready ? t.overview.ready : t.overview.loading}
                </span>
              </td>
              <td className="num">{a.queueDepth}</td>
              <td className="num">{a.inFlight}</td>
              <td className="num">{a.batchSize}</td>
              <td className="num">{formatMB(a.memoryMB)}</td>
              <td className="num">{a.completed}</td>
              <td className="num">{a.failed}</td>
              <td className="num">{formatMs(a.p50TotalMs)}</td>
              <td className="num">{formatMs(a.p95TotalMs)}</td>
              <td className="num">{formatMs(a.p99TotalMs)}</td>
              <td className="num">{formatRate(a.throughput)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

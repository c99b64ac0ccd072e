import { StatCard } from '@/components/StatCard';
import { formatMsSeries, formatProfile, formatRate } from '@/lib/format';
import type { ArtifactStats, ModelVersion, SchedulerStats } from '@/lib/graphql/types';
import { getI18n } from '@/lib/i18n/server';

/** Headline numbers, summed over every loaded artifact; latency is the busiest artifact's. */
export async function ServiceStats({
  stats,
  activeModels,
}: {
  stats: SchedulerStats;
  activeModels: ModelVersion[];
}) {
  const { t } = await getI18n();
  const { artifacts } = stats;
  const sum = (pick: (artifact: ArtifactStats) => number) =>
    artifacts.reduce((total, a) => total + pick(a), 0);
  const busiest = artifacts.reduce<ArtifactStats | undefined>(
    (best, a) => (!best || a.completed > best.completed ? a : best),
    undefined,
  );
  const completed = sum((a) => a.completed);
  const failed = sum((a) => a.failed);

  return (
    <div className="stats">
      <StatCard
        label={t.overview.activeModel}
        value={
          activeModels.length
            ? activeModels.map((m) => `${m.name} ${m.version}`).join('、')
            : t.overview.noActiveModel
        }
      />
      <StatCard
        label={t.overview.defaultProfile}
        value={
          activeModels.length
            ? activeModels.map((m) => formatProfile(m.defaultPrecision, m.defaultInputSize)).join('、')
            : t.common.none
        }
      />
      <StatCard label={t.overview.provider} value={stats.executionProvider} />
      <StatCard
        label={t.overview.throughput}
        value={t.overview.imagesPerSecond(formatRate(sum((a) => a.throughput)))}
      />
      <StatCard
        label={t.overview.queue}
        value={t.overview.queueValue(
          sum((a) => a.queueDepth),
          sum((a) => a.inFlight),
        )}
      />
      <StatCard
        label={t.overview.latency}
        value={
          busiest
            ? formatMsSeries([busiest.p50TotalMs, busiest.p95TotalMs, busiest.p99TotalMs])
            : t.common.none
        }
        detail={busiest?.key}
      />
      <StatCard label={t.overview.failures} value={t.overview.failuresValue(failed, completed + failed)} />
    </div>
  );
}

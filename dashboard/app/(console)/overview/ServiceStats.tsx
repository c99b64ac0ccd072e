import { StatCard } from '@/components/StatCard';
import { formatMB, formatMsSeries, formatProfile } from '@/lib/format';
import type {
  ArtifactStatsFragment,
  ModelVersionFragment,
  SchedulerStatsFragment,
} from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { ThroughputMeter } from './ThroughputMeter';

/** Headline numbers summed over every artifact; latency is the busiest artifact's. */
export async function ServiceStats({
  stats,
  activeModels,
}: {
  stats: SchedulerStatsFragment;
  activeModels: ModelVersionFragment[];
}) {
  const { t } = await getI18n();
  const { artifacts } = stats;
  const sum = (pick: (artifact: ArtifactStatsFragment) => number) =>
    artifacts.reduce((total, a) => total + pick(a), 0);
  const busiest = artifacts
    .filter((a) => a.totalMs.count > 0)
    .reduce<ArtifactStatsFragment | undefined>(
      (best, a) => (!best || a.completed > best.completed ? a : best),
      undefined,
    );
  const providers = [
    ...new Set(artifacts.filter((a) => a.state === 'ready').map((a) => a.executionProvider)),
  ];
  const completed = sum((a) => a.completed);
  const failed = sum((a) => a.failed);
  const none = t.common.none;

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
          activeModels.map((m) => formatProfile(m.defaultPrecision, m.defaultInputSize)).join('、') || none
        }
      />
      <StatCard label={t.overview.provider} value={providers.join('、') || none} />
      <StatCard
        label={t.overview.service}
        value={
          <span className={`badge ${stats.accepting ? 'ok' : 'danger'}`}>
            {stats.accepting ? t.overview.accepting : t.overview.notAccepting}
          </span>
        }
      />
      <StatCard
        label={t.overview.throughput}
        value={<ThroughputMeter completed={completed} sampledAt={Date.now()} />}
        detail={t.overview.throughputHint}
      />
      <StatCard
        label={t.overview.queue}
        value={t.overview.queueValue(
          sum((a) => a.queueDepthInteractive + a.queueDepthBulk),
          sum((a) => a.inFlight),
        )}
      />
      <StatCard
        label={t.overview.latency}
        value={
          busiest ? formatMsSeries([busiest.totalMs.p50, busiest.totalMs.p90, busiest.totalMs.p99]) : none
        }
        detail={busiest?.artifact}
      />
      <StatCard label={t.overview.failures} value={t.overview.failuresValue(failed, completed + failed)} />
      <StatCard
        label={t.overview.memory}
        value={`${formatMB(stats.sessionsMB + stats.activationsMB)} / ${formatMB(stats.memoryBudgetMB)}`}
        detail={t.overview.memoryDetail(formatMB(stats.processRssMB))}
      />
    </div>
  );
}

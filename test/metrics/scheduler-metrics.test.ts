import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, registerSchedulerMetrics, renderMetrics } from '../../api/src/metrics';
import { createScheduler, FakeRunner, KEY, settle, useFakeClock } from '../scheduler/fakes';

const ARTIFACT = 'nanodet@1/fp32/320';

let registry: Registry;

beforeEach(() => {
  useFakeClock();
  registry = createMetricsRegistry();
});
afterEach(() => vi.useRealTimers());

async function instrumentedScheduler(runner: FakeRunner, config: Parameters<typeof createScheduler>[1] = {}) {
  const metrics = registerSchedulerMetrics(registry);
  const scheduler = createScheduler(runner, config, { observer: metrics.observer });
  metrics.watch(scheduler);
  await scheduler.load(KEY);
  return scheduler;
}

async function valueOf(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  const { values } = await metric!.get();
  return values.find((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want))?.value;
}

describe('scheduler metrics', () => {
  it('counts requests by outcome', async () => {
    const scheduler = await instrumentedScheduler(new FakeRunner(), { maxQueueSize: 1 });

    const accepted = scheduler.submit(KEY, 1);
    await scheduler.submit(KEY, 2).catch(() => undefined);
    await settle();
    await accepted;

    expect(await valueOf('wanshi_inference_requests_total', { outcome: 'ok', priority: 'interactive' })).toBe(
      1,
    );
    expect(await valueOf('wanshi_inference_requests_total', { outcome: 'overloaded' })).toBe(1);
  });

  it('observes queue, run and end-to-end time in seconds as a request completes', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = await instrumentedScheduler(runner, { maxQueueDelayMs: 10 });

    const result = scheduler.submit(KEY, 1);
    await settle(10);
    await settle(30);
    runner.releaseRun();
    await result;

    expect(await valueOf('wanshi_inference_queue_seconds', { le: '0.01' })).toBe(1);
    expect(await valueOf('wanshi_inference_run_seconds', { le: '0.025' })).toBe(0);
    expect(await valueOf('wanshi_inference_run_seconds', { le: '0.05' })).toBe(1);
    expect(await valueOf('wanshi_inference_request_seconds', { le: '0.05', priority: 'interactive' })).toBe(
      1,
    );
  });

  it('observes the size of each batch', async () => {
    const scheduler = await instrumentedScheduler(new FakeRunner(), { maxBatchSize: 4 });

    await Promise.all([1, 2, 3].map((i) => scheduler.submit(KEY, i)));

    expect(await valueOf('wanshi_inference_batch_size', { le: '2' })).toBe(0);
    expect(await valueOf('wanshi_inference_batch_size', { le: '3' })).toBe(1);
  });

  it('reads queue depth from the scheduler at scrape time', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = await instrumentedScheduler(runner, { maxBatchSize: 1 });

    for (let i = 0; i < 3; i++) void scheduler.submit(KEY, i, { priority: 'bulk' });
    await settle();

    expect(await valueOf('wanshi_inference_queue_depth', { artifact: ARTIFACT, priority: 'bulk' })).toBe(2);
  });

  it('reports loaded artifacts and their measured memory in bytes', async () => {
    await instrumentedScheduler(new FakeRunner({ sessionMB: 100, perImageMB: 10 }));

    expect(await valueOf('wanshi_loaded_artifacts', {})).toBe(1);
    expect(await valueOf('wanshi_artifact_memory_bytes', { part: 'session' })).toBe(100 * 1024 * 1024);
  });

  it('renders Prometheus text including the process resident memory', async () => {
    await instrumentedScheduler(new FakeRunner());

    const { contentType, body } = await renderMetrics(registry);

    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('process_resident_memory_bytes');
    expect(body).toContain(`wanshi_loaded_artifacts 1`);
  });
});

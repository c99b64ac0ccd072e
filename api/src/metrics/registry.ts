// Wanshi's own Prometheus registry (not prom-client's global one, which libraries may also write to), with
// the standard process metrics: resident memory (process_resident_memory_bytes), CPU, event-loop lag, GC.
import { collectDefaultMetrics, Registry } from 'prom-client';

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The body and Content-Type for GET /metrics. */
export async function renderMetrics(registry: Registry): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

// Prometheus metrics for GET /metrics.
export { createMetricsRegistry, renderMetrics } from './registry';
export { registerSchedulerMetrics, type SchedulerMetrics } from './scheduler-metrics';

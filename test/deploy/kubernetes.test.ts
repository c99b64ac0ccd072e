// deploy/kubernetes without a cluster: the manifests parse, fit together (selectors, ports, names), and agree
// with the code: probes hit paths the real server answers, the container listens where the configuration says,
// and every environment variable is one the configuration reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, loadConfig, REPO_ROOT } from '../../api/src/config';
import { SERVER_RUNTIME } from '../../api/src/server/compiled';
import { startTestServer, type TestServer } from '../api/harness';

const DIR = path.join(REPO_ROOT, 'deploy/kubernetes');
const kustomization = parse(readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8'));
const manifests: any[] = (kustomization.resources as string[]).flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((doc) => doc.toJS()),
);
const find = (kind: string, name: string) => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return found;
};
const deployment = find('Deployment', 'wanshi-api');
const container = deployment.spec.template.spec.containers[0];
const podLabels = deployment.spec.template.metadata.labels;
const probes = ['startupProbe', 'readinessProbe', 'livenessProbe'].map((name) => [name, container[name]]);

describe('Kubernetes manifests (kustomize base)', () => {
  it('has the API Deployment, its Service, autoscaler, disruption budget and ServiceMonitor, and the dashboard', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      'Deployment/wanshi-api',
      'Deployment/wanshi-dashboard',
      'HorizontalPodAutoscaler/wanshi-api',
      'PodDisruptionBudget/wanshi-api',
      'Service/wanshi-api',
      'Service/wanshi-dashboard',
      'ServiceMonitor/wanshi-api',
    ]);
  });

  it('sets only environment variables the configuration or the runtime reads, with values it accepts', () => {
    const env: { name: string; value?: string }[] = container.env;
    const known = new Set([...CONFIG_VARIABLES, ...Object.keys(SERVER_RUNTIME.env)]);
    expect(env.map((e) => e.name).filter((name) => !known.has(name))).toEqual([]);
    // Secrets and resource fields stand in as values of the right form.
    const values = Object.fromEntries(
      env.map((e) => [
        e.name,
        e.value ?? (e.name === 'DATABASE_URL' ? 'postgresql://db/wanshi' : '1'.repeat(16)),
      ]),
    );
    values.WANSHI_INTRA_OP_THREADS = '1';
    const config = loadConfig(values);
    expect(config.port).toBe(container.ports[0].containerPort);
    expect(config.host).toBe('0.0.0.0');
  });

  it('runs the compiled server with the runtime flags and malloc settings npm start uses', () => {
    expect(container.command).toEqual(['node', ...SERVER_RUNTIME.nodeArgs, 'build/api/src/server/main.js']);
    const env = Object.fromEntries(
      container.env.map((e: { name: string; value?: string }) => [e.name, e.value]),
    );
    for (const [name, value] of Object.entries(SERVER_RUNTIME.env)) expect(env[name]).toBe(value);
  });

  it('probes the named container port: readiness for start-up and rotation, liveness for restarts', () => {
    expect(Object.fromEntries(probes.map(([name, probe]) => [name, probe.httpGet]))).toEqual({
      startupProbe: { path: '/v2/health/ready', port: 'http' },
      readinessProbe: { path: '/v2/health/ready', port: 'http' },
      livenessProbe: { path: '/v2/health/live', port: 'http' },
    });
    expect(container.ports).toEqual([{ name: 'http', containerPort: 4000 }]);
  });

  it('stops gracefully: out of the Service before SIGTERM, with time to drain', () => {
    expect(container.lifecycle.preStop.exec.command).toEqual(['sleep', '5']);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(5 + 10);
    expect(container.resources.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(container.resources.limits.memory).toBeDefined();
  });

  it('points the Service, autoscaler, disruption budget and ServiceMonitor at the API pods and port', () => {
    const service = find('Service', 'wanshi-api');
    expect(service.spec.selector).toEqual(podLabels);
    expect(service.spec.ports[0].targetPort).toBe('http');
    expect(find('PodDisruptionBudget', 'wanshi-api').spec.selector.matchLabels).toEqual(podLabels);
    expect(find('HorizontalPodAutoscaler', 'wanshi-api').spec.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: 'wanshi-api',
    });
    const monitor = find('ServiceMonitor', 'wanshi-api');
    expect(monitor.spec.selector.matchLabels).toEqual(service.metadata.labels);
    expect(monitor.spec.endpoints[0]).toMatchObject({ port: service.spec.ports[0].name, path: '/metrics' });
  });

  it('points the dashboard at the API Service', () => {
    const dashboard = find('Deployment', 'wanshi-dashboard').spec.template.spec.containers[0];
    const apiUrl = dashboard.env.find((e: { name: string }) => e.name === 'WANSHI_API_URL').value;
    const service = find('Service', 'wanshi-api');
    expect(apiUrl).toBe(`http://${service.metadata.name}:${service.spec.ports[0].port}`);
  });

  describe('against the real server', () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await startTestServer('pglite');
      await api.server.ready;
    }, 120_000);
    afterAll(() => api?.close());

    it('answers 200 on every probe path and on the scraped metrics path, and 404 elsewhere', async () => {
      const paths = [
        ...probes.map(([, probe]) => probe.httpGet.path),
        find('ServiceMonitor', 'wanshi-api').spec.endpoints[0].path,
      ];
      const status = async (p: string) => (await fetch(`${api.url}${p}`)).status;
      expect(await Promise.all(paths.map(status))).toEqual(paths.map(() => 200));
      expect(await status('/v2/health/nowhere')).toBe(404);
    });
  });
});

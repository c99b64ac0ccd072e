// No Docker engine runs in CI, so `docker compose config` cannot check the file; this reads it as Compose would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL and Wanshi, the API waiting for a healthy database', () => {
    const byDefault = Object.keys(compose.services).filter((name) => !compose.services[name].profiles);
    expect(byDefault.sort()).toEqual(['postgres', 'wanshi']);
    expect(compose.services.wanshi.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('has a replicated profile: two API replicas on the same PostgreSQL behind HAProxy with the shipped config', () => {
    const { api, haproxy } = compose.services;
    expect([api.profiles, haproxy.profiles]).toEqual([['replicated'], ['replicated']]);
    expect(api.deploy.replicas).toBe(2);
    expect(api.environment.DATABASE_URL).toBe(compose.services.wanshi.environment.DATABASE_URL);
    expect(api.ports).toBeUndefined(); // reached through the balancer only
    const [mount, target] = haproxy.volumes[0].split(':');
    expect(path.resolve(ROOT, mount)).toBe(path.join(ROOT, 'deploy/haproxy'));
    const files = haproxy.command.filter((arg: string) => arg.startsWith(`${target}/`));
    expect(files.map((file: string) => path.basename(file))).toEqual(['haproxy.cfg', 'servers-compose.cfg']);
    // The backend finds the replicas by the service's name, on the port they listen on.
    const servers = readFileSync(path.join(ROOT, 'deploy/haproxy/servers-compose.cfg'), 'utf8');
    expect(servers).toMatch(/server-template api \d+-\d+ api:4000 check/);
  });

  it('points the API at the compose PostgreSQL with the credentials it creates', () => {
    const { POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB } = compose.services.postgres.environment;
    expect(compose.services.wanshi.environment.DATABASE_URL).toBe(
      `postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@postgres:5432/${POSTGRES_DB}`,
    );
  });

  it('publishes the API and dashboard ports and keeps data, models and the database in volumes', () => {
    expect(compose.services.wanshi.ports).toEqual(['4000:4000', '3000:3000']);
    const named = (volumes: string[]) => volumes.map((v) => v.split(':')[0]);
    expect(named(compose.services.wanshi.volumes)).toEqual(['data', 'models']);
    expect(Object.keys(compose.volumes).sort()).toEqual(['data', 'models', 'postgres']);
  });

  it('builds from a Dockerfile that exists and starts with npm start', () => {
    expect(compose.services.wanshi.build).toBe('.');
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
  });
});

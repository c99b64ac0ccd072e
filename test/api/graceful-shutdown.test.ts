// Shutting down (SIGTERM runs the same close()) under kept-alive connections: nothing is reset, requests that
// arrive during the drain are answered SHUTTING_DOWN, and connections end cleanly.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DETECT, ADMIN_KEY, photoBase64, startTestServer, type TestServer } from './harness';

interface Outcome {
  /** extensions.code, 'ok', or the transport error's code (ECONNREFUSED, ECONNRESET, …). */
  result: string;
  connectionHeader?: string;
}

const DETECT_BODY = JSON.stringify({
  query: DETECT,
  variables: { input: { imageBase64: photoBase64('000000000009.jpg') } },
});

function post(agent: http.Agent, url: string, body = DETECT_BODY): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const reply = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          const result = reply.errors?.[0]?.extensions?.code ?? (reply.data?.detect?.id ? 'ok' : 'unknown');
          resolve({ result, connectionHeader: res.headers.connection });
        });
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ result: error.code ?? error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ result: error.code ?? error.message }));
    req.end(body);
  });
}

async function readyServer(env: Record<string, string> = {}): Promise<TestServer> {
  // Not about admission: a shared test machine's slow moments must not turn requests away.
  const api = await startTestServer('pglite', { WANSHI_MAX_QUEUE_WAIT_MS: '60000', ...env });
  for (let i = 0; i < 150 && (await fetch(`${api.url}/health/ready`)).status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
  return api;
}

describe('graceful shutdown with kept-alive connections', () => {
  let api: TestServer | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('resets no connection of clients in a request loop, answering each request or refusing the new connection', async () => {
    api = await readyServer();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
    const outcomes: Outcome[] = [];
    let closing: Promise<void> | undefined;
    const client = async () => {
      for (;;) {
        const outcome = await post(agent, api!.url);
        outcomes.push(outcome);
        if (outcome.result === 'ECONNREFUSED') return; // the listener is gone: the client has learnt it
        if (outcomes.length === 24) closing = api!.server.close();
      }
    };
    await Promise.all(Array.from({ length: 6 }, client));
    await closing;
    agent.destroy();

    const unclean = outcomes.filter((o) => !['ok', 'SHUTTING_DOWN', 'ECONNREFUSED'].includes(o.result));
    expect(unclean).toEqual([]);
    expect(outcomes.filter((o) => o.result === 'ok').length).toBeGreaterThanOrEqual(24);
  }, 120_000);

  it('answers a request sent on an idle kept-alive connection during the drain with SHUTTING_DOWN and Connection: close', async () => {
    api = await readyServer();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await post(agent, api.url)).result).toBe('ok'); // leaves one idle kept-alive connection

    const closing = api.server.close();
    const during = await post(agent, api.url);
    await closing;
    agent.destroy();

    expect(during).toEqual({ result: 'SHUTTING_DOWN', connectionHeader: 'close' });
  }, 120_000);

  it('ends an idle kept-alive connection from its side, cleanly, and finishes closing', async () => {
    api = await readyServer();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await post(agent, api.url)).result).toBe('ok');
    const [socket] = Object.values(agent.freeSockets).flat();
    const errors: Error[] = [];
    socket!.on('error', (error) => errors.push(error));
    const ended = new Promise<void>((resolve) => socket!.once('end', () => resolve()));

    await api.server.close();
    await ended;
    agent.destroy();

    expect(errors).toEqual([]);
  }, 120_000);

  it('behind a balancer, answers not-ready first while still serving, and drains only after the delay', async () => {
    api = await readyServer({ WANSHI_SHUTDOWN_READY_DELAY_MS: '3000' });
    const agent = new http.Agent({ keepAlive: false });

    const closing = api.server.close();
    const readyDuring = (await fetch(`${api.url}/v2/health/ready`)).status;
    const detectDuring = await post(agent, api.url);
    await closing;

    expect(readyDuring).toBe(503);
    expect(detectDuring.result).toBe('ok');
  }, 120_000);
});

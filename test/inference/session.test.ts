import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../api/src/inference/session';
import { identityModel } from './fixtures/identity-model';

async function runIdentity(session: ort.InferenceSession): Promise<number[]> {
  const result = await session.run({ x: new ort.Tensor('float32', Float32Array.from([1, 2]), [2]) });
  return [...(result.y.data as Float32Array)];
}

describe('createSession', () => {
  it('runs on cpu without logging when cpu is what was asked for', async () => {
    const lines: string[] = [];
    const { session, provider } = await createSession(
      identityModel(),
      { providers: ['cpu'], intraOpThreads: 1 },
      (l) => lines.push(l),
    );
    expect(provider).toBe('cpu');
    expect(await runIdentity(session)).toEqual([1, 2]);
    expect(lines).toEqual([]);
    await session.release();
  });

  // cuda and tensorrt libraries are not installed here: onnxruntime fails with "Failed to load shared library".
  it('falls back to cpu with one log line naming each provider that failed and why', async () => {
    const lines: string[] = [];
    const { session, provider } = await createSession(
      identityModel(),
      { providers: ['cuda', 'tensorrt'], intraOpThreads: 0 },
      (l) => lines.push(l),
    );
    expect(provider).toBe('cpu');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/running on cpu.*cuda: .*Failed to load shared library.*tensorrt: /);
    expect(await runIdentity(session)).toEqual([1, 2]);
    await session.release();
  });

  it('fails when the model itself cannot be loaded', async () => {
    await expect(
      createSession(Uint8Array.from([1, 2, 3]), { providers: ['cpu'], intraOpThreads: 1 }),
    ).rejects.toThrow();
  });
});

// Child-process side of probeSession: a fresh process opens one session, so the resident memory it gains
// belongs to that session alone; then it asks onnxruntime for its optimised graph to see which kernels run.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { precisionSessionOptions } from '../inference/session';
import { summariseKernels } from './kernels';
import type { SessionProbeRequest, SessionProbeResult } from './session-probe';

async function probe(request: SessionProbeRequest): Promise<SessionProbeResult> {
  const model = await readFile(request.file);
  const options: ort.InferenceSession.SessionOptions = {
    executionProviders: [request.provider],
    graphOptimizationLevel: 'all',
    extra: { session: precisionSessionOptions(request.precision) },
    ...(request.intraOpThreads > 0 ? { intraOpNumThreads: request.intraOpThreads } : {}),
  };
  const before = process.memoryUsage().rss;
  const session = await ort.InferenceSession.create(model, options);
  const size = request.inputDims.reduce((p, d) => p * d, 1);
  await session.run({
    [session.inputNames[0]]: new ort.Tensor('float32', new Float32Array(size), [...request.inputDims]),
  });
  const memoryMB = (process.memoryUsage().rss - before) / 2 ** 20;
  await session.release();

  const dir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-probe-'));
  try {
    const optimizedModelFilePath = path.join(dir, 'optimized.onnx');
    const inspected = await ort.InferenceSession.create(model, { ...options, optimizedModelFilePath });
    await inspected.release();
    return { memoryMB, kernels: summariseKernels(await readFile(optimizedModelFilePath)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

ort.env.logLevel = 'error';
probe(JSON.parse(process.argv[2]) as SessionProbeRequest).then(
  (result) => process.send?.(result, () => process.exit(0)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

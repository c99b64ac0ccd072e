// One profile benchmark job, in its own process: onnxruntime-node runs a session on the thread that calls it, so
// measuring inside the API would stall serving for minutes. Reads a RunnerRequest (JSON) on stdin and answers in
// JSON lines on stdout (runner-protocol.ts). Builds only the profiles and sizes asked for; the repository keeps
// the others listed.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { DEFAULT_PROFILE_SETTINGS } from '../../../models/src/profiles/recipes';
import { isProfileName } from '../../../models/src/profiles/profiles';
import { runProfileBenchmark } from '../profiles/benchmark';
import { writeEvaluationSubset } from './evaluation-subset';
import { encodeRunnerMessage, type RunnerMessage, type RunnerRequest } from './runner-protocol';

const send = (message: RunnerMessage) => process.stdout.write(encodeRunnerMessage(message));

async function run(request: RunnerRequest): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'wanshi-profile-job-'));
  try {
    const annotationsFile =
      request.maxImages === undefined
        ? request.annotationsFile
        : await writeEvaluationSubset(request.annotationsFile, request.maxImages, scratch);
    const results = await runProfileBenchmark(
      {
        modelsDir: request.modelsDir,
        dataDir: request.dataDir,
        model: request.model,
        modelVersion: request.version,
        profileSettings: {
          ...DEFAULT_PROFILE_SETTINGS,
          profiles: request.precisions.filter(isProfileName),
          sizes: request.sizes,
        },
        imagesDir: request.imagesDir,
        annotationsFile,
        sizes: request.sizes,
        precisions: request.precisions,
        provider: request.provider,
        intraOpThreads: request.intraOpThreads,
        speed: request.speed,
        limits: request.limits,
      },
      (progress) => send({ type: 'progress', ...progress }),
    );
    send({ type: 'results', results });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

text(process.stdin)
  .then((input) => run(JSON.parse(input) as RunnerRequest))
  .catch((error: unknown) => {
    send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
  });

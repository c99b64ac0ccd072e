// CPU time of a V8 .cpuprofile (node --cpu-prof) by stage of a detect request. Each sample goes to the stage of
// its nearest stack frame that belongs to one (from the leaf up): Node internals and V8 builtins (JSON.parse,
// Buffer's base64) are charged to whoever called them.

export type Stage = 'base64' | 'JSON/GraphQL' | 'HTTP' | 'decode' | 'inference' | 'database' | 'GC' | 'other';
export const STAGES: readonly Stage[] = [
  'base64',
  'JSON/GraphQL',
  'HTTP',
  'decode',
  'inference',
  'database',
  'GC',
  'other',
];

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  /** Microseconds since the previous sample. */
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** First match wins: the worker's tensor writing is inference's, though it sits beside the image code. */
const RULES: [Stage, RegExp][] = [
  ['inference', /onnxruntime|scheduler\/worker-host|inference\/image\/tensor/],
  ['base64', /pipelines\/base64-image|base64Slice|base64Write/],
  ['decode', /node_modules\/sharp|inference\/image\/|inference\/detector|postprocess|decoders\//],
  [
    'database',
    /@prisma|prisma\/generated|pglite|adapter-pg|node_modules\/pg|services\/detections|grouped-writer|storage\//,
  ],
  [
    'JSON/GraphQL',
    /node_modules\/(graphql|@apollo|type-graphql|class-validator|graphql-scalars)|api\/src\/graphql\//,
  ],
  ['HTTP', /^node:(_http|http|net|stream|internal\/streams)|api\/src\/http\//],
];

/** The stage of one frame, or undefined when it belongs to none (then its caller decides). */
export function frameStage(frame: CpuProfileNode['callFrame']): Stage | 'idle' | undefined {
  if (frame.functionName === '(garbage collector)') return 'GC';
  if (frame.functionName === '(idle)' || frame.functionName === '(program)') return 'idle';
  const where = `${frame.url} ${frame.functionName}`;
  return RULES.find(([, pattern]) => pattern.test(where))?.[0];
}

/**
 * Milliseconds of CPU per stage (idle left out), of the samples in the last `lastSeconds` of the profile when
 * given (the load, not the server's start-up).
 */
export function stageTimes(profile: CpuProfile, lastSeconds = Infinity): Record<Stage, number> {
  const from = profile.endTime - lastSeconds * 1e6;
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const stageOf = new Map<number, Stage | 'idle'>();
  const resolve = (id: number): Stage | 'idle' => {
    const known = stageOf.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const stage = frameStage(node.callFrame) ?? (up === undefined ? 'other' : resolve(up));
    stageOf.set(id, stage);
    return stage;
  };
  const times = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from) return;
    const stage = resolve(id);
    if (stage !== 'idle') times[stage] += (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return times;
}

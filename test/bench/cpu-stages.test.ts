// Splitting a V8 CPU profile by request stage, as bench:cpu-stages reports it.
import { describe, expect, it } from 'vitest';
import { stageTimes, type CpuProfile } from '../../bench/lib/cpu-stages';

const frame = (functionName: string, url = '') => ({ functionName, url });

/** root → handler (http) → graphql execute → JSON.parse (builtin); root → prisma → pglite; idle; GC. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 7, 8] },
    { id: 2, callFrame: frame('handleGraphql', 'file:///app/build/api/src/http/server.js'), children: [3] },
    {
      id: 3,
      callFrame: frame('execute', 'file:///app/node_modules/graphql/execution/execute.js'),
      children: [4],
    },
    { id: 4, callFrame: frame('parse') },
    {
      id: 5,
      callFrame: frame('request', 'file:///app/prisma/generated/client/runtime/client.js'),
      children: [6],
    },
    { id: 6, callFrame: frame('wasm-function[91]', 'wasm://wasm/007708f6') },
    { id: 7, callFrame: frame('(idle)') },
    { id: 8, callFrame: frame('(garbage collector)') },
  ],
  // One sample each of JSON.parse, pglite's wasm, idle, GC, the HTTP handler itself; 1 ms apart.
  samples: [4, 6, 7, 8, 2],
  timeDeltas: [1000, 1000, 1000, 1000, 1000],
  startTime: 0,
  endTime: 5000,
};

describe('stageTimes', () => {
  it('charges builtins and wasm to the nearest caller with a stage, and leaves idle out', () => {
    expect(stageTimes(PROFILE)).toMatchObject({
      'JSON/GraphQL': 1,
      database: 1,
      GC: 1,
      HTTP: 1,
      other: 0,
    });
  });

  it('counts only the last seconds when asked (the load, not the start-up)', () => {
    const times = stageTimes(PROFILE, 0.0025);
    expect(times['JSON/GraphQL'] + times.database).toBe(0);
    expect(times.GC + times.HTTP).toBe(2);
  });
});

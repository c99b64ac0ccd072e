// The machine a measurement was taken on, stored with each result (speeds are meaningless without it).
import os from 'node:os';
import type { MachineInfo } from './result';

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryMB: Math.round(os.totalmem() / 2 ** 20),
  };
}

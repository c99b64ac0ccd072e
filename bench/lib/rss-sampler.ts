// The server's resident memory, read from /proc (worker threads and native allocations included, unlike
// anything the process could report about its JavaScript heap).
import { readFileSync } from 'node:fs';

const SAMPLE_EVERY_MS = 100;

/** VmRSS of `pid` in MB; undefined once the process is gone. */
export function readRssMB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS in the background; peakMB() is the highest reading since the last reset. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  peakMB(): number {
    this.sample();
    return this.peak;
  }

  reset(): void {
    this.peak = 0;
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    this.peak = Math.max(this.peak, readRssMB(this.pid) ?? 0);
  }
}

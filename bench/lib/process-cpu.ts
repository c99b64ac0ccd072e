// CPU time a process has used (all its threads), from /proc. On a machine shared with other work, CPU
// milliseconds per image are a steadier measure of the server's own cost than throughput is.
import { readFileSync } from 'node:fs';

/** Linux reports utime and stime in clock ticks of 1/100 s on every platform Node supports. */
const MS_PER_TICK = 10;

/** User + system CPU milliseconds used so far by `pid` (0 once it is gone). */
export function readProcessCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

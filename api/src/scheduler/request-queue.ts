// The waiting line of one artifact: interactive before bulk, with aging so bulk is never starved, and bounded.
import type { ServingPolicy } from './serving-policy';
import type { Priority } from './types';

export type QueuePolicy = Pick<ServingPolicy, 'maxQueueSize' | 'bulkAgingMs' | 'interactiveReserve'>;

export interface Queued {
  priority: Priority;
  /** performance.now() at submission. */
  arrivedAt: number;
}

/**
 * Dispatch order is by "virtual arrival": the arrival time, plus `bulkAgingMs` for bulk. Interactive requests
 * therefore pass bulk ones, but only those that arrived less than `bulkAgingMs` before them: a bulk request
 * waits at most `bulkAgingMs` longer than it would in plain FIFO, however much interactive traffic arrives.
 */
export class RequestQueue<T extends Queued> {
  // Each lane is FIFO, so each is already sorted by virtual arrival; ordering is a merge of the two heads.
  private readonly lanes: Record<Priority, T[]> = { interactive: [], bulk: [] };

  private readonly capacity: number;
  private readonly bulkAgingMs: number;
  /** Places bulk requests may fill: the capacity less the interactive reserve (at least one, as reserve < 1). */
  private readonly bulkCapacity: number;

  constructor(policy: QueuePolicy) {
    this.capacity = policy.maxQueueSize;
    this.bulkAgingMs = policy.bulkAgingMs;
    this.bulkCapacity = this.capacity - Math.floor(this.capacity * policy.interactiveReserve);
  }

  get size(): number {
    return this.lanes.interactive.length + this.lanes.bulk.length;
  }

  depth(priority: Priority): number {
    return this.lanes[priority].length;
  }

  /**
   * How many requests must leave before `incoming` more of this priority fit beside `reserved` promised places
   * (0: they fit now). Bulk may not take the interactive reserve (by default the last quarter of the queue), so
   * a detectBatch of many images cannot lock out interactive requests.
   */
  shortfall(priority: Priority, incoming = 1, reserved = 0): number {
    const limit = priority === 'interactive' ? this.capacity : this.bulkCapacity;
    return Math.max(0, this.size + reserved + incoming - limit);
  }

  /** How many queued requests one of this priority arriving at `now` would be dispatched after. */
  aheadOf(priority: Priority, now: number): number {
    if (priority === 'bulk') return this.size; // interactive ones arriving later may still pass it
    let agedBulk = 0;
    while (
      agedBulk < this.lanes.bulk.length &&
      this.lanes.bulk[agedBulk].arrivedAt + this.bulkAgingMs <= now
    ) {
      agedBulk++;
    }
    return this.lanes.interactive.length + agedBulk;
  }

  /** Callers check shortfall first; the bound is enforced here too so the queue can never grow past it. */
  push(item: T): void {
    if (this.shortfall(item.priority) > 0) throw new Error('RequestQueue.push beyond capacity');
    this.lanes[item.priority].push(item);
  }

  remove(item: T): boolean {
    const lane = this.lanes[item.priority];
    const index = lane.indexOf(item);
    if (index < 0) return false;
    lane.splice(index, 1);
    return true;
  }

  /** All queued requests, in dispatch order. */
  *inOrder(): Generator<T> {
    const { interactive, bulk } = this.lanes;
    let i = 0;
    let b = 0;
    while (i < interactive.length || b < bulk.length) {
      const takeInteractive =
        b >= bulk.length ||
        (i < interactive.length && interactive[i].arrivedAt <= bulk[b].arrivedAt + this.bulkAgingMs);
      yield takeInteractive ? interactive[i++] : bulk[b++];
    }
  }
}

import { describe, expect, it } from 'vitest';
import { RequestQueue } from '../../api/src/scheduler/request-queue';
import type { Priority } from '../../api/src/scheduler';

const request = (name: string, priority: Priority, arrivedAt: number) => ({ name, priority, arrivedAt });
type Request = ReturnType<typeof request>;

/** A queue of `maxQueueSize` places, bulk aging 100 ms, with the configured default reserve. */
const queueOf = (maxQueueSize: number, interactiveReserve = 0.25) =>
  new RequestQueue<Request>({ maxQueueSize, bulkAgingMs: 100, interactiveReserve });

function order(queue: RequestQueue<Request>): string[] {
  return [...queue.inOrder()].map((r) => r.name);
}

describe('RequestQueue', () => {
  it('orders interactive before bulk that arrived less than bulkAgingMs earlier', () => {
    const queue = queueOf(10);
    queue.push(request('bulk', 'bulk', 0));
    queue.push(request('interactive', 'interactive', 50));

    expect(order(queue)).toEqual(['interactive', 'bulk']);
  });

  it('orders bulk first once it has waited bulkAgingMs longer than the interactive request', () => {
    const queue = queueOf(10);
    queue.push(request('bulk', 'bulk', 0));
    queue.push(request('interactive', 'interactive', 150));

    expect(order(queue)).toEqual(['bulk', 'interactive']);
  });

  it('keeps arrival order within a priority', () => {
    const queue = queueOf(10);
    for (const [i, name] of ['a', 'b', 'c'].entries()) queue.push(request(name, 'interactive', i));

    expect(order(queue)).toEqual(['a', 'b', 'c']);
  });

  it('removes a request from the middle', () => {
    const queue = queueOf(10);
    const middle = request('b', 'interactive', 1);
    queue.push(request('a', 'interactive', 0));
    queue.push(middle);
    queue.push(request('c', 'interactive', 2));

    expect(queue.remove(middle)).toBe(true);
    expect(order(queue)).toEqual(['a', 'c']);
  });

  it('reports the shortfall, keeping the last quarter for interactive', () => {
    const queue = queueOf(8);
    for (let i = 0; i < 6; i++) queue.push(request(`${i}`, 'bulk', i));

    expect([queue.shortfall('interactive'), queue.shortfall('bulk')]).toEqual([0, 1]);
  });

  it('keeps the share of the queue its policy reserves for interactive requests', () => {
    const queue = queueOf(10, 0.5);
    for (let i = 0; i < 5; i++) queue.push(request(`${i}`, 'bulk', i));

    expect([queue.shortfall('bulk'), queue.shortfall('interactive', 5)]).toEqual([1, 0]);
  });

  it('lets bulk fill the whole queue when its policy reserves nothing', () => {
    const queue = queueOf(8, 0);
    for (let i = 0; i < 7; i++) queue.push(request(`${i}`, 'bulk', i));

    expect(queue.shortfall('bulk')).toBe(0);
  });

  it('refuses to grow past its capacity', () => {
    const queue = queueOf(1);
    queue.push(request('a', 'interactive', 0));

    expect(() => queue.push(request('b', 'interactive', 1))).toThrow(/capacity/);
  });
});

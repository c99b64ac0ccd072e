import { describe, expect, it } from 'vitest';
import { RequestQueue } from '../../api/src/scheduler/request-queue';
import type { Priority } from '../../api/src/scheduler';

const request = (name: string, priority: Priority, arrivedAt: number) => ({ name, priority, arrivedAt });
type Request = ReturnType<typeof request>;

function order(queue: RequestQueue<Request>): string[] {
  return [...queue.inOrder()].map((r) => r.name);
}

describe('RequestQueue', () => {
  it('orders interactive before bulk that arrived less than bulkAgingMs earlier', () => {
    const queue = new RequestQueue<Request>(10, 100);
    queue.push(request('bulk', 'bulk', 0));
    queue.push(request('interactive', 'interactive', 50));

    expect(order(queue)).toEqual(['interactive', 'bulk']);
  });

  it('orders bulk first once it has waited bulkAgingMs longer than the interactive request', () => {
    const queue = new RequestQueue<Request>(10, 100);
    queue.push(request('bulk', 'bulk', 0));
    queue.push(request('interactive', 'interactive', 150));

    expect(order(queue)).toEqual(['bulk', 'interactive']);
  });

  it('keeps arrival order within a priority', () => {
    const queue = new RequestQueue<Request>(10, 100);
    for (const [i, name] of ['a', 'b', 'c'].entries()) queue.push(request(name, 'interactive', i));

    expect(order(queue)).toEqual(['a', 'b', 'c']);
  });

  it('removes a request from the middle', () => {
    const queue = new RequestQueue<Request>(10, 100);
    const middle = request('b', 'interactive', 1);
    queue.push(request('a', 'interactive', 0));
    queue.push(middle);
    queue.push(request('c', 'interactive', 2));

    expect(queue.remove(middle)).toBe(true);
    expect(order(queue)).toEqual(['a', 'c']);
  });

  it('reports the shortfall, keeping the last quarter for interactive', () => {
    const queue = new RequestQueue<Request>(8, 100);
    for (let i = 0; i < 6; i++) queue.push(request(`${i}`, 'bulk', i));

    expect([queue.shortfall('interactive'), queue.shortfall('bulk')]).toEqual([0, 1]);
  });

  it('refuses to grow past its capacity', () => {
    const queue = new RequestQueue<Request>(1, 100);
    queue.push(request('a', 'interactive', 0));

    expect(() => queue.push(request('b', 'interactive', 1))).toThrow(/capacity/);
  });
});

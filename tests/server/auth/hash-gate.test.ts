import { describe, expect, it } from 'vitest';
import { HashGate } from '../../../server/auth/hash-gate.ts';
import { hashingBusy } from '../../../server/messages.ts';

/** A task that runs until the test lets it finish, noting how many run at once. */
function tasks() {
  const state = { running: 0, most: 0, finish: [] as Array<() => void> };
  const task = () =>
    new Promise<string>((resolve) => {
      state.running++;
      state.most = Math.max(state.most, state.running);
      state.finish.push(() => {
        state.running--;
        resolve('done');
      });
    });
  return { state, task };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('HashGate', () => {
  it('runs at most `concurrency` tasks at once and starts a waiting one as each finishes', async () => {
    const gate = new HashGate(2, 10);
    const { state, task } = tasks();
    const results = Array.from({ length: 5 }, () => gate.run(task));
    await tick();
    expect([state.running, gate.queued]).toEqual([2, 3]);
    while (state.finish.length) {
      state.finish.shift()!();
      await tick();
      expect(state.running).toBeLessThanOrEqual(2);
    }
    expect(await Promise.all(results)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(state.most).toBe(2);
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });

  it('refuses at once with busy (503) when the queue is full, without running the task', async () => {
    const gate = new HashGate(1, 2);
    const { state, task } = tasks();
    const admitted = [gate.run(task), gate.run(task), gate.run(task)];
    await expect(gate.run(task)).rejects.toMatchObject({ code: hashingBusy().code, status: 503 });
    await tick();
    expect([state.running, gate.queued]).toEqual([1, 2]);
    while (state.finish.length) {
      state.finish.shift()!();
      await tick();
    }
    await Promise.all(admitted);
  });

  it('frees the slot when a task throws', async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(await gate.run(() => Promise.resolve('next'))).toBe('next');
    expect(gate.active).toBe(0);
  });
});

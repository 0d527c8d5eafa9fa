import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../../server/auth/rate-limit.ts';

const MINUTE = 60_000;

/** A limiter of 3 in 15 minutes on a clock the test moves. */
function limiter() {
  const clock = { now: 1_000_000_000 };
  return { clock, limiter: new FailureLimiter(3, 15 * MINUTE, () => clock.now) };
}

function admit(l: FailureLimiter, keys: string[]) {
  const admission = l.reserve(keys);
  if (!admission.allowed) throw new Error(`refused, retry after ${admission.retryAfter} s`);
  return admission.reservation;
}

describe('FailureLimiter reservations', () => {
  it('counts an attempt still being checked toward the limit, so a fourth at once is refused', () => {
    const { limiter: l } = limiter();
    const held = [admit(l, ['user:ana']), admit(l, ['user:ana']), admit(l, ['user:ana'])];
    expect(l.reserve(['user:ana'])).toEqual({ allowed: false, retryAfter: 1, inFlight: true });
    expect(l.retryAfter('user:ana')).toBe(1);
    expect(l.reserve(['user:bob']).allowed).toBe(true);
    expect(held).toHaveLength(3);
  });

  it('turns a failed reservation into a failure that blocks for the whole window', () => {
    const { clock, limiter: l } = limiter();
    for (let i = 0; i < 3; i++) admit(l, ['user:ana']).fail();
    const refused = l.reserve(['user:ana']);
    expect(refused).toEqual({ allowed: false, retryAfter: 15 * 60, inFlight: false });
    clock.now += 15 * MINUTE;
    expect(l.reserve(['user:ana']).allowed).toBe(true);
  });

  it('gives the slot back when a reservation is released, and settles each reservation only once', () => {
    const { limiter: l } = limiter();
    const first = admit(l, ['user:ana']);
    admit(l, ['user:ana']);
    admit(l, ['user:ana']);
    expect(l.reserve(['user:ana']).allowed).toBe(false);
    first.release();
    first.release();
    first.fail(); // already settled: neither frees another slot nor records a failure
    const fourth = l.reserve(['user:ana']);
    expect(fourth.allowed).toBe(true);
    expect(l.reserve(['user:ana']).allowed).toBe(false);
  });

  it('takes a slot on every key or on none: a full address refuses the attempt without using up the name', () => {
    const { limiter: l } = limiter();
    for (let i = 0; i < 3; i++) admit(l, ['ip:10.0.0.1', `user:guess${i}`]).fail();
    expect(l.reserve(['ip:10.0.0.1', 'user:ana']).allowed).toBe(false);
    for (let i = 0; i < 3; i++) admit(l, ['ip:10.0.0.2', 'user:ana']).release();
    expect(l.retryAfter('user:ana')).toBe(0);
  });

  it('keeps the slots of attempts still being checked when a sign-in resets the name', () => {
    const { limiter: l } = limiter();
    admit(l, ['user:ana']).fail();
    const pending = [admit(l, ['user:ana']), admit(l, ['user:ana'])];
    l.reset('user:ana');
    // The failure is forgotten, the two being checked still count.
    pending.push(admit(l, ['user:ana']));
    expect(l.reserve(['user:ana']).allowed).toBe(false);
    for (const reservation of pending) reservation.fail();
    expect(l.reserve(['user:ana'])).toMatchObject({ allowed: false, inFlight: false });
  });

  it('counts failures restored from the audit log like failures made while running', () => {
    const { clock, limiter: l } = limiter();
    for (let i = 0; i < 3; i++) l.restore('ip:10.0.0.1', clock.now - MINUTE);
    expect(l.reserve(['ip:10.0.0.1', 'user:ana'])).toEqual({ allowed: false, retryAfter: 14 * 60, inFlight: false });
  });
});

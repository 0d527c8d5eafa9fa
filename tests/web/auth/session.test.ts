import { describe, expect, it } from 'vitest';
import { safeNext } from '../../../web/src/auth/session.ts';
import { HOSTILE_NEXT } from '../../fixtures/hostile-next.ts';

describe('where the sign-in page goes after signing in', () => {
  it('goes to / for every value that would leave the site, such as /login?next=%2F%09%2Fevil.example', () => {
    expect(safeNext(new URLSearchParams('next=%2F%09%2Fevil.example').get('next'))).toBe('/');
    for (const next of HOSTILE_NEXT) expect(safeNext(next), JSON.stringify(next)).toBe('/');
  });

  it('goes back to the page that sent the browser to sign in, but never to the sign-in page itself', () => {
    expect(safeNext('/indicators?metric=dna-rate')).toBe('/indicators?metric=dna-rate');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('/login')).toBe('/');
    expect(safeNext('/login?next=%2Fadmin')).toBe('/');
  });
});

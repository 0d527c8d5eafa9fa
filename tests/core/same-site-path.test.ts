import { describe, expect, it } from 'vitest';
import { sameSitePath } from '../../core/same-site-path.ts';
import { HOSTILE_NEXT } from '../fixtures/hostile-next.ts';

describe('the same-site path rule for ?next=', () => {
  it.each(HOSTILE_NEXT.map((next) => [JSON.stringify(next), next]))('refuses %s', (_, next) => {
    expect(sameSitePath(next)).toBeNull();
  });

  it('refuses nothing at all', () => {
    expect(sameSitePath(null)).toBeNull();
    expect(sameSitePath(undefined)).toBeNull();
  });

  it('keeps a path on this site exactly as given, query and fragment included', () => {
    for (const next of ['/', '/indicators', '/indicators?metric=dna-rate&by=ethnicity', '/indicators?by=ethnicity&x="y"', '/search?q=a%20b', '/a/b#c', '/completeness?dataset=outpatients%2Fmain']) {
      expect(sameSitePath(next), next).toBe(next);
    }
  });
});

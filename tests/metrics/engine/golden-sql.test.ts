// Pins the SQL the engine generates, so a change to it is a reviewed change to a file. A missing
// or different golden file fails; only an explicit request rewrites them:
//   UPDATE_GOLDEN=1 npx vitest run tests/metrics/engine/golden-sql.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMetric } from '../../../metrics/catalogue/index.ts';
import type { ComputeRequest } from '../../../metrics/engine/compile/index.ts';
import { compile, toSql } from '../../../metrics/engine/compile/index.ts';

const base: ComputeRequest = { by: 'imd_quintile', by2: null, from: '2025-04-01', to: '2026-03-31', grain: 'all', specialty: null, site: null };
const CASES: [string, string, Partial<ComputeRequest>][] = [
  ['proportion-by-quintile', 'op-dna-rate', {}],
  ['proportion-crosstab-specialty', 'op-dna-rate', { by: 'ethnic_group', by2: 'imd_quintile', specialty: '110' }],
  ['census-median-monthly', 'rtt-median-wait', { by: 'sex', grain: 'month' }],
  ['dsr-by-ethnic-group', 'elective-admission-rate', { by: 'ethnic_group' }],
  ['crude-rate-age-restricted', 'cyp-asthma-emergency', { by: 'overall', grain: 'quarter' }],
  ['external-latest-publication', 'smi-health-checks', {}],
];

describe('generated SQL', () => {
  for (const [name, id, overrides] of CASES) {
    it(`${name} matches its golden file`, () => {
      const query = compile(findMetric(id)!, { ...base, ...overrides }, 95);
      const sql = `-- ${id} ${JSON.stringify(overrides)}\n-- params: ${JSON.stringify(query.params)}\n${toSql(query)}`;
      const file = new URL(`./golden/${name}.sql`, import.meta.url);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, sql);
      if (!existsSync(file)) expect.fail(`golden file tests/metrics/engine/golden/${name}.sql is missing: review the SQL, then write it with UPDATE_GOLDEN=1`);
      expect(sql, `the SQL differs from golden/${name}.sql: if the change is intended, rewrite it with UPDATE_GOLDEN=1`).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('binds request values as parameters, never as SQL text', () => {
    const query = compile(findMetric('op-dna-rate')!, { ...base, specialty: '110', site: "RRK'; DROP TABLE x; --" }, 95);
    expect(toSql(query)).not.toContain('DROP TABLE');
    expect(query.params.site).toBe("RRK'; DROP TABLE x; --");
  });
});

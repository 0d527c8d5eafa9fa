// docs/catalogue.md is the catalogue a reader checks against the statement: it must list exactly
// the indicators the code holds, each with the dataset, statistic and polarity it is computed with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATEMENT_METRICS } from '../../../metrics/catalogue/index.ts';

const rows = readFileSync('docs/catalogue.md', 'utf8')
  .split('\n')
  .filter((line) => /^\| `[a-z0-9-]+` \|/.test(line))
  .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, '')));

describe('docs/catalogue.md', () => {
  it('lists every statement indicator once, and no other', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual(STATEMENT_METRICS.map((m) => m.id).sort());
  });

  it('gives each indicator the title, kind, dataset, statistic and polarity of its definition', () => {
    for (const m of STATEMENT_METRICS) {
      const [, title, , , kind, dataset, statistic, better] = rows.find((r) => r[0] === m.id)!;
      expect({ id: m.id, title, kind, dataset, statistic, better }).toEqual({ id: m.id, title: m.title, kind: m.kind, dataset: m.dataset, statistic: m.statistic, better: m.polarity });
    }
  });
});

// `parity settings …` against a database file: list, set, a refused value, reset; each change is
// in the audit log under the operating-system user, and the server reads the saved value.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryAudit } from '../../../server/audit/audit-log.ts';
import { Database } from '../../../db/database.ts';
import { runCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'parity-settings-'));
const db = join(dir, 'parity.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parity settings', () => {
  it('sets, refuses a bad value, lists and resets, recording each change', async () => {
    const set = await runCli(['settings', 'set', 'completeness-target', '92.5', '--db', db], { USER: 'ops' });
    expect(set.code).toBe(0);
    expect(set.stderr).toContain('is now 92.5 (saved by cli:ops');
    const bad = await runCli(['settings', 'set', 'disclosure', 'off', '--db', db], { USER: 'ops' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('must be one of nhs-secondary-use, threshold-10 or none');
    const list = await runCli(['settings', 'list', '--json', '--db', db], { PARITY_COMPLETENESS_TARGET: '' });
    const target = JSON.parse(list.stdout).find((s: { key: string }) => s.key === 'completeness-target');
    expect(target).toMatchObject({ value: 92.5, source: { kind: 'saved', by: 'cli:ops' } });
    const reset = await runCli(['settings', 'reset', 'completeness-target', '--db', db], { PARITY_COMPLETENESS_TARGET: '85', USER: 'ops' });
    expect(reset.stderr).toContain('is now 85 (environment PARITY_COMPLETENESS_TARGET)');

    const database = await Database.open(db);
    const { entries } = await queryAudit(database, { action: 'setting' }, { limit: 10, offset: 0 });
    database.close();
    expect(entries.map((e) => [e.action, e.actor, e.outcome, e.detail])).toEqual([
      ['setting.reset', 'cli:ops', 'success', { from: 92.5, to: 85 }],
      ['setting.change', 'cli:ops', 'failure', { tried: 'off', error: 'invalid_setting' }],
      ['setting.change', 'cli:ops', 'success', { from: 95, to: 92.5 }],
    ]);
  }, 60_000);

  it('refuses a setting that needs a restart', async () => {
    const result = await runCli(['settings', 'set', 'port', '9000', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('set PORT in the server');
  });

  it('explains its usage', async () => {
    const result = await runCli(['settings', 'set', 'disclosure']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Give a KEY and a VALUE.');
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');

/** A throwaway project with the real bin/ and a tiny CLI of its own, so its sources can be edited. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'parity-bundle-test-'));
  cpSync(join(repo, 'bin'), join(root, 'bin'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'tsconfig.json'), '{}');
  writeFileSync(join(root, 'package.json'), '{"type": "module"}');
  mkdirSync(join(root, 'server/cli'), { recursive: true });
  writeMain(root, 'first');
  return root;
}

function writeMain(root: string, word: string): void {
  writeFileSync(join(root, 'server/cli/word.ts'), `export const WORD: string = ${JSON.stringify(word)};\n`);
  writeFileSync(
    join(root, 'server/cli/main.ts'),
    `import { WORD } from './word.ts';
export async function main(args: string[]): Promise<number> {
  console.log(JSON.stringify({ word: WORD, args, url: import.meta.url }));
  return 0;
}
`,
  );
}

function run(root: string, env: Record<string, string> = {}): { word: string; args: string[]; url: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin/parity.js'), 'a', 'b'], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('the compiled CLI', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('runs the sources from a bundle, with each module keeping its own import.meta.url', () => {
    const root = project();
    roots.push(root);
    expect(run(root)).toEqual({ word: 'first', args: ['a', 'b'], url: `file://${join(root, 'server/cli/main.ts')}` });
    const latest = JSON.parse(readFileSync(join(root, '.cache/cli/latest.json'), 'utf8'));
    expect(Object.keys(latest.inputs)).toEqual(expect.arrayContaining(['server/cli/main.ts', 'server/cli/word.ts', 'tsconfig.json']));
  });

  it('rebuilds when a source it holds changes, so an edit is never run stale', () => {
    const root = project();
    roots.push(root);
    expect(run(root).word).toBe('first');
    writeMain(root, 'after');
    // Same size and an old time must still count as a change: the stamp is size and mtime, exactly.
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(root, 'server/cli/word.ts'), old, old);
    expect(run(root).word).toBe('after');
  });

  it('runs the sources through tsx when told not to bundle', () => {
    const root = project();
    roots.push(root);
    expect(run(root, { PARITY_NO_BUNDLE: '1' }).word).toBe('first');
    expect(() => readFileSync(join(root, '.cache/cli/latest.json'))).toThrow();
  });
});

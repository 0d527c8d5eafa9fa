#!/usr/bin/env node
// `npm start` builds the web app only when web/dist is older than what it is built from (web/,
// core/, the lock file and the configs): the build takes 10–20 s on two cores, most of a first
// start, and gives the same files when nothing changed. `npm run build:web` always builds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Outside web/dist, which the server publishes.
const stampFile = join(root, '.cache', 'web-dist-built');
const INPUTS = ['web', 'core', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The newest modification time under `path` (web/dist and node_modules excluded). */
function newest(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    const child = join(path, entry);
    if (child === join(root, 'web', 'dist') || entry === 'node_modules') continue;
    latest = Math.max(latest, newest(child));
  }
  return latest;
}

function builtAt() {
  try {
    return statSync(stampFile).mtimeMs;
  } catch {
    return -Infinity; // never built, or the last build did not finish
  }
}

const sources = Math.max(...INPUTS.map((input) => newest(join(root, input))));
if (builtAt() >= sources) {
  process.stderr.write('The web app is up to date (web/dist); not rebuilding.\n');
} else {
  // Removed first: the build empties web/dist, and an unfinished build must not count as done.
  rmSync(stampFile, { force: true });
  const build = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(stampFile, `${new Date().toISOString()}\n`);
}

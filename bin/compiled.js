// Runs the TypeScript sources as one compiled bundle instead of compiling them module by module
// on every start: tsx's loader hooks cost 0.5–1 s of each `parity` process (one round trip per
// module, ~230 modules for `parity serve`), which a short `parity ingest` pays in full.
//
// The bundle lives in .cache/cli/ and is rebuilt with esbuild (tsx's own compiler) whenever any
// source it holds, tsconfig.json, Node or esbuild differs from when it was built: a stale bundle is
// never run. Anything that goes wrong here (no esbuild, a read-only folder, a build error) falls
// back to tsx, which then reports a source error as it always did.
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, '.cache', 'cli');
const latestFile = join(cacheDir, 'latest.json');
const ENTRY = 'server/cli/main.ts';
/** Old bundles are removed after a day: a long-running server may still load chunks from its own. */
const KEEP_OLD_MS = 24 * 3600 * 1000;

async function stamp(path) {
  const s = await stat(join(root, path));
  return `${s.size}:${s.mtimeMs}`;
}

/** From its package.json: loading esbuild itself is left to a rebuild. */
function esbuildVersion() {
  return createRequire(import.meta.url)('esbuild/package.json').version;
}

/** The bundle's folder when every input is as it was at build time, else null. */
async function freshBundle() {
  let latest;
  try {
    latest = JSON.parse(await readFile(latestFile, 'utf8'));
  } catch {
    return null;
  }
  if (latest.node !== process.version || latest.esbuild !== esbuildVersion()) return null;
  const stamps = await Promise.all(Object.keys(latest.inputs).map((path) => stamp(path).catch(() => null)));
  return Object.values(latest.inputs).every((s, i) => s === stamps[i]) ? join(cacheDir, latest.dir) : null;
}

/**
 * `import.meta.url` in a bundle would name the bundle, so each module's own URL is written in:
 * paths to sample-data/, web/dist/ and package.json resolve exactly as they do from the source.
 */
const ownUrl = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => {
      if (path.includes(`${join('/', 'node_modules', '/')}`)) return undefined;
      const source = await readFile(path, 'utf8');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
        .replaceAll('import.meta.filename', JSON.stringify(path));
      return { contents, loader: path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

/**
 * Packages stay outside the bundle, loaded from node_modules as usual, except DuckDB's JavaScript
 * API: its ~180 CommonJS modules, each resolved and scanned for exports by Node's ESM loader,
 * cost a `parity ingest` 0.2–0.4 s before any work; bundled, they are one file. Its native
 * binding (@duckdb/node-bindings) stays outside, loaded through `require` as before.
 */
const BUNDLED = /^@duckdb\/node-api(\/|$)/;
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (BUNDLED.test(path) || (importer.includes('/node_modules/@duckdb/node-api/') && !path.startsWith('@duckdb/node-bindings'))) return undefined;
      return { path, external: true };
    });
  },
};
// A bundled CommonJS module's own `require` calls (the native binding, Node's built-ins) need a
// `require` in the ES module the bundle is.
const REQUIRE_BANNER = "import { createRequire as __parityCreateRequire } from 'node:module'; const require = __parityCreateRequire(import.meta.url);";

async function build() {
  const esbuild = await import('esbuild');
  const dir = `build-${Date.now()}-${process.pid}`;
  const outdir = join(cacheDir, dir);
  const result = await esbuild.build({
    entryPoints: [join(root, ENTRY)],
    bundle: true,
    splitting: true, // commands stay lazy: `parity ingest` does not load the web server
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    metafile: true,
    logLevel: 'silent',
    banner: { js: REQUIRE_BANNER },
    plugins: [externalPackages, ownUrl],
  });
  const inputs = {};
  // This file too: a change to how the bundle is built makes a new one.
  for (const path of [...Object.keys(result.metafile.inputs), 'tsconfig.json', 'bin/compiled.js']) {
    const rel = relative(root, join(root, path));
    inputs[rel] = await stamp(rel);
  }
  // Written last and renamed into place: another process sees the old bundle or the whole new one.
  const temp = `${latestFile}.${process.pid}`;
  await writeFile(temp, JSON.stringify({ dir, node: process.version, esbuild: esbuild.version, inputs }));
  await rename(temp, latestFile);
  await removeOldBundles(dir);
  return outdir;
}

async function removeOldBundles(keep) {
  for (const name of await readdir(cacheDir)) {
    if (!name.startsWith('build-') || name === keep) continue;
    const built = Number(name.split('-')[1]);
    if (Date.now() - built > KEEP_OLD_MS) await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** The CLI's `main`, from the bundle when it can be had, else compiled on the fly by tsx. */
export async function loadMain() {
  if (!process.env.PARITY_NO_BUNDLE) {
    try {
      await mkdir(cacheDir, { recursive: true });
      const dir = (await freshBundle()) ?? (await build());
      return (await import(pathToFileURL(join(dir, 'main.js')).href)).main;
    } catch {
      // fall through to tsx
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../server/cli/main.ts')).main;
}

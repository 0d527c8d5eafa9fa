// What zod costs the web app's bundle. Builds the app twice — as it is, and with `zod` and
// `zod/mini` replaced by a stand-in that accepts everything — and compares the gzip sizes of the
// JavaScript a browser fetches: the first load (the entry chunk and everything it imports
// statically), each page with its static imports, and the whole bundle. Types inferred with
// `z.infer` cost nothing (erased at build); what is measured is zod's code and the schemas.
//   npm run bench:bundle
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const work = mkdtempSync(join(tmpdir(), 'parity-bundle-'));
// Every zod call returns the stand-in again, and parsing returns its input: the app builds (and
// would run, unchecked) without any zod code in it.
const stub = join(work, 'zod-stub.js');
writeFileSync(stub, `const any = new Proxy(function () {}, {
  get: (_t, key) => key === 'safeParse' ? (data) => ({ success: true, data }) : key === 'parse' ? (data) => data : key === Symbol.toPrimitive ? () => '' : any,
  apply: () => any,
});
export const z = any;
export default any;
export const object = any, string = any, number = any, boolean = any, array = any, nullable = any, optional = any, literal = any,
  union = any, discriminatedUnion = any, record = any, int = any, extend = any, catch_ = any;
export { catch_ as catch };
export const _enum = any;
export { _enum as enum };
`);

async function buildInto(outDir: string, withoutZod: boolean): Promise<void> {
  await build({
    configFile: 'web/vite.config.ts',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
    resolve: withoutZod ? { alias: [{ find: /^zod(\/mini)?$/, replacement: stub }] } : {},
  });
}

interface Chunk { gzip: number; imports: string[] }

function chunks(outDir: string): Map<string, Chunk> {
  const dir = join(outDir, 'assets');
  const out = new Map<string, Chunk>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(dir, file));
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`): dynamic import() loads later.
    const imports = [...code.toString().matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
    out.set(file, { gzip: gzipSync(code, { level: 9 }).length, imports });
  }
  return out;
}

/** Gzip bytes of a chunk and everything it imports statically. */
function closure(all: Map<string, Chunk>, start: string): number {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !all.has(name)) return;
    seen.add(name);
    for (const next of all.get(name)!.imports) visit(next);
  };
  visit(start);
  return [...seen].reduce((sum, name) => sum + all.get(name)!.gzip, 0);
}

function measure(outDir: string): Record<string, number> {
  const all = chunks(outDir);
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const byPage = (prefix: string) => [...all.keys()].find((f) => f.startsWith(`${prefix}-`));
  const result: Record<string, number> = { 'first load (entry + static imports)': closure(all, entry) };
  for (const page of ['OverviewPage', 'IndicatorPage', 'CompletenessPage', 'UploadPage', 'ExtractsPage', 'PublishedPage', 'AdminPage']) {
    const file = byPage(page);
    if (file) result[`${page} (+ its static imports)`] = closure(all, file);
  }
  result['whole bundle'] = [...all.values()].reduce((sum, c) => sum + c.gzip, 0);
  return result;
}

try {
  await buildInto(join(work, 'with'), false);
  await buildInto(join(work, 'without'), true);
  const withZod = measure(join(work, 'with'));
  const withoutZod = measure(join(work, 'without'));
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  console.log(`${'gzip KB'.padEnd(42)}${'with zod'.padStart(9)}${'without'.padStart(9)}${'zod'.padStart(9)}`);
  for (const [what, bytes] of Object.entries(withZod)) {
    const without = withoutZod[what] ?? 0;
    console.log(`${what.padEnd(42)}${kb(bytes)}  ${kb(without)}  ${kb(bytes - without)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

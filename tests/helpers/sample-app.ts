// The real app on a fresh database holding a small sample trust, for the chart, publication and
// report tests.
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { DATASETS } from '../../core/datasets/index.ts';
import { ingestFile } from '../../pipelines/ingest/ingest.ts';
import { generateSample } from '../../pipelines/sample/index.ts';
import { testApp } from './test-app.ts';

export async function sampleApp(patients = 4000) {
  const t = await testApp();
  const { files } = await generateSample({ outDir: join(t.dir, 'sample'), patients });
  for (const dataset of DATASETS) {
    const path = files[dataset.id];
    if (!path) continue;
    await ingestFile(t.db, { path, dataset: dataset.id, fileName: `sample/${dataset.id}.csv`, uploadedBy: 'test' }, { maxBytes: Number.MAX_SAFE_INTEGER, chineseGroup: '2001' });
  }
  return { ...t, files };
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Checks that every element of an XML document is closed in order (a small well-formedness check). */
export function assertBalancedXml(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
    } else stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/.test(body)) throw new Error('an unescaped & in the document');
}

/**
 * One sample app for a test file: started before its first test, closed after its last, with
 * `get` and `publish` (POST /api/published) calls against it.
 */
export function sharedSampleApp(patients?: number) {
  let t: Awaited<ReturnType<typeof sampleApp>> | undefined;
  beforeAll(async () => {
    t = await sampleApp(patients);
  });
  afterAll(async () => {
    await t?.close();
  });
  const started = () => {
    if (!t) throw new Error('the sample app is not started yet: use it inside a test');
    return t;
  };
  return {
    get app() {
      return started().app;
    },
    get db() {
      return started().db;
    },
    get: (url: string) => started().app.inject({ method: 'GET', url }),
    publish: (body: Record<string, unknown>) => started().app.inject({ method: 'POST', url: '/api/published', payload: body }),
  };
}

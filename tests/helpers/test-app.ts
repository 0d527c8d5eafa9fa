import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { tempDatabase } from './temp-db.ts';

/** The real app on a fresh temporary database, for `inject` calls. */
export async function testApp(overrides: Parameters<typeof loadConfig>[1] = {}) {
  const { db, dir, cleanup } = await tempDatabase();
  const config = loadConfig({}, { dbPath: `${dir}/parity.duckdb`, ...overrides });
  const app: FastifyInstance = await buildApp({ db, config });
  return {
    app,
    db,
    dir,
    close: async () => {
      await app.close();
      cleanup();
    },
  };
}

/** A multipart/form-data body with text fields and one file, as a browser would send it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: string | Buffer }) {
  const boundary = '----parity' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`));
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

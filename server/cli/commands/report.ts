import { benchmarkSentence } from '../../../core/text/benchmarks.ts';
import { existsSync, readFileSync } from 'node:fs';
import { findMetric } from '../../../metrics/catalogue/index.ts';
import type { BreakdownResult } from '../../../metrics/engine/result-types.ts';
import { loadSecuritySettings } from '../../auth/settings.ts';
import { loadConfig } from '../../config.ts';
import { Database, isLockError } from '../../../db/database.ts';
import { ensureSchema } from '../../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { breakdownQuery } from '../../routes/metrics/query-schemas.ts';
import { cliHeaders, type ServerInfo, serverInfoPath } from '../../server-info.ts';
import { MetricsService } from '../../services/metrics-service.ts';
import { LiveSettings, withLiveSettings } from '../../settings/live-settings.ts';
import { type Command, EXIT } from '../command.ts';
import { parseCommand } from '../parse.ts';

const USAGE = 'Usage: parity report METRIC_ID --by BREAKDOWN [--by2 B] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--specialty TFC] [--site S] [--plus GROUP] [--level 95|99.8] [--db PATH] [--json]';

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const count = (v: number | null, suppressed: boolean) => (suppressed ? '*' : v === null ? '—' : Math.round(v).toLocaleString('en-GB'));

function table(result: BreakdownResult): string {
  const lines = [`${result.metric.title} by ${result.by}${result.by2 ? ` × ${result.by2}` : ''}, ${result.period.from} to ${result.period.to} (${result.metric.unit}, ${result.level}% intervals)`];
  const rows = result.rows.map((r) => [
    r.label2 ? `${r.label} / ${r.label2}` : r.label,
    count(r.numerator, r.suppressed),
    count(r.denominator, r.suppressed),
    fmt(r.value),
    r.lower === null ? '—' : `${fmt(r.lower)}–${fmt(r.upper)}`,
    r.comparison ?? '',
  ]);
  const o = result.overall;
  rows.push(['Trust overall', count(o.numerator, o.suppressed), count(o.denominator, o.suppressed), fmt(o.value), o.lower === null ? '—' : `${fmt(o.lower)}–${fmt(o.upper)}`, '']);
  const header = ['group', 'numerator', 'denominator', 'value', 'interval', 'vs trust'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [header, ...rows]) lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  if (result.gap) lines.push(`Q1–Q5 gap ${fmt(result.gap.absolute)}, ratio ${fmt(result.gap.relative, 2)}; SII ${fmt(result.gap.sii)} (${fmt(result.gap.siiLower)} to ${fmt(result.gap.siiUpper)})`);
  lines.push(`Method: ${result.metric.method}. Disclosure: ${result.disclosureLabel}.`, ...result.notes);
  for (const b of result.benchmarks ?? []) lines.push(`${benchmarkSentence(b, result.metric)} Source: ${b.source}.`);
  return lines.join('\n');
}

/** When a server holds the database, ask it: DuckDB admits one process per file. */
async function fromServer(dbPath: string, id: string, query: Record<string, string>): Promise<BreakdownResult> {
  const info = JSON.parse(readFileSync(serverInfoPath(dbPath), 'utf8')) as ServerInfo;
  const response = await fetch(`${info.url}/api/metrics/${encodeURIComponent(id)}/breakdown?${new URLSearchParams(query)}`, { headers: cliHeaders(info) });
  const body = await response.json();
  if (!response.ok) throw new AppError(body.error?.code ?? 'error', body.error?.message ?? `The server answered ${response.status}.`, response.status);
  return body as BreakdownResult;
}

export const reportCommand: Command = async (args, ctx) => {
  const parsed = parseCommand(
    args,
    {
      by: { type: 'string' }, by2: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, specialty: { type: 'string' },
      site: { type: 'string' }, plus: { type: 'string' }, level: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' },
    },
    true,
  );
  if (!parsed.ok || parsed.positionals.length !== 1) {
    ctx.stderr(`${parsed.ok ? 'Give one METRIC_ID.' : parsed.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const [id] = parsed.positionals;
  const { db: dbOption, json, ...options } = parsed.values;
  const query = breakdownQuery.safeParse(options);
  if (!query.success) {
    ctx.stderr(`${query.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`);
    return EXIT.usage;
  }
  if (!findMetric(id)) {
    ctx.stderr(`Unknown metric "${id}". \`parity metrics\` lists the catalogue.`);
    return EXIT.usage;
  }
  const config = loadConfig(dbOption ? { ...process.env, PARITY_DB: dbOption } : process.env);
  if (!existsSync(config.dbPath)) {
    ctx.stderr(`No database at ${config.dbPath}. Load extracts with \`parity ingest\` or start the server once.`);
    return EXIT.rejected;
  }
  const q = query.data;
  const request = { by: q.by, by2: q.by2 ?? null, from: q.from, to: q.to, specialty: q.specialty ?? null, site: q.site ?? null, plus: q.plus ?? null, level: Number(q.level) };
  try {
    let result: BreakdownResult;
    try {
      const db = await Database.open(config.dbPath, { memoryLimit: config.memoryLimit });
      try {
        await ensureSchema(db);
        // The disclosure profile saved on the settings page applies here as on the server.
        const settings = await LiveSettings.load(db, { config, security: loadSecuritySettings(process.env) });
        result = await new MetricsService(db, withLiveSettings(config, settings)).breakdown(id, request);
      } finally {
        db.close();
      }
    } catch (error) {
      if (!isLockError(error) || !existsSync(serverInfoPath(config.dbPath))) throw error;
      result = await fromServer(config.dbPath, id, Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Record<string, string>);
    }
    ctx.stdout(json ? JSON.stringify(result) : table(result));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      ctx.stderr(error.message);
      return EXIT.usage;
    }
    throw error;
  }
};

import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DISCLOSURE_PROFILE, DISCLOSURE_PROFILE_IDS, type DisclosureProfile } from '../core/disclosure.ts';
import { loadPlusGroups, type PlusGroup } from '../metrics/engine/plus-groups.ts';

/** Settings from the environment, parsed once at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  PARITY_DB: z.string().default('data/parity.duckdb'),
  /** Largest accepted extract, in megabytes. */
  PARITY_MAX_UPLOAD_MB: z.coerce.number().positive().default(1024),
  /** Disclosure control profile applied to results. */
  PARITY_DISCLOSURE: z.enum(DISCLOSURE_PROFILE_IDS).default(DEFAULT_DISCLOSURE_PROFILE),
  /** Where R (Chinese) sits in the five groups: the 2001 Data Dictionary (Other) or the 2011/2021 census (Asian). */
  PARITY_CHINESE_GROUP: z.enum(['2001', '2021']).default('2001'),
  /** Local target for ethnicity coding completeness, percent. */
  PARITY_COMPLETENESS_TARGET: z.coerce.number().min(0).max(100).default(95),
  /** DuckDB's memory budget; beyond it, temporary tables spill to disk beside the database. */
  PARITY_MEMORY_LIMIT: z.string().regex(/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i).default('1GB'),
  /** JSON file of locally defined PLUS groups (docs/metrics.md). */
  PARITY_PLUS_GROUPS: z.string().optional(),
  PARITY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dbPath: string;
  maxUploadBytes: number;
  disclosure: DisclosureProfile;
  chineseGroup: '2001' | '2021';
  completenessTarget: number;
  memoryLimit: string;
  logLevel: string;
  plusGroups: PlusGroup[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = envSchema.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: resolve(e.PARITY_DB),
    maxUploadBytes: Math.round(e.PARITY_MAX_UPLOAD_MB * 1024 * 1024),
    disclosure: e.PARITY_DISCLOSURE,
    chineseGroup: e.PARITY_CHINESE_GROUP,
    completenessTarget: e.PARITY_COMPLETENESS_TARGET,
    memoryLimit: e.PARITY_MEMORY_LIMIT,
    logLevel: e.PARITY_LOG_LEVEL,
    plusGroups: loadPlusGroups(e.PARITY_PLUS_GROUPS),
    ...overrides,
  };
}

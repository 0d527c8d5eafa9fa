import { fileURLToPath } from 'node:url';
import { TREATMENT_FUNCTIONS } from '../core/codes/treatment-functions.ts';
import { DATASETS } from '../core/datasets/index.ts';
import { storageColumns } from './storage.ts';
import { type Database } from './database.ts';
import { ident, literal } from './sql.ts';
import { pruneQuarantine } from './prune-quarantine.ts';

/**
 * The layout of the tables this code reads and writes, stored in `meta` as `schema_version`.
 * Bump it when a table's layout changes, and add the step that brings a database from the
 * previous version up to it to `UPGRADES`.
 */
export const SCHEMA_VERSION = 3;

/** `UPGRADES[n]` brings a database at version n - 1 up to version n. */
const UPGRADES: Record<number, (db: Database) => Promise<void>> = {
  // 2: population cells may be per LSOA, and record the IoD edition of their quintile.
  2: async (db) => {
    await db.run(`ALTER TABLE population ADD COLUMN IF NOT EXISTS lsoa_code VARCHAR`);
    await db.run(`ALTER TABLE population ADD COLUMN IF NOT EXISTS imd_edition VARCHAR`);
  },
  // 3: A&E attendances keep the ECDS discharge destination and decision to admit (admitted is told from them).
  3: async (db) => {
    await db.run(`ALTER TABLE ae_attendances ADD COLUMN IF NOT EXISTS discharge_destination VARCHAR`);
    await db.run(`ALTER TABLE ae_attendances ADD COLUMN IF NOT EXISTS decision_to_admit_datetime TIMESTAMP`);
  },
};

/** The database was written by a newer Parity, whose tables this version does not know. */
export class NewerSchema extends Error {
  constructor(readonly path: string, readonly found: number) {
    super(
      `The database ${path} was written by a newer version of Parity (schema version ${found}; this version knows up to ${SCHEMA_VERSION}).\n` +
        'Upgrade Parity to open it, or point PARITY_DB (--db) at another file. The file has not been changed.',
    );
  }
}

const referenceDir = fileURLToPath(new URL('../sample-data/reference/', import.meta.url));

const META_TABLES = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS extracts (
  id VARCHAR PRIMARY KEY,
  dataset VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMP NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_quarantined INTEGER NOT NULL,
  status VARCHAR NOT NULL,            -- loaded | replaced | deleted
  replaces VARCHAR,                   -- the extract this one replaced
  column_mapping VARCHAR NOT NULL,    -- JSON: canonical column -> header in the file
  encoding VARCHAR NOT NULL,
  delimiter VARCHAR NOT NULL,
  period_from DATE,
  period_to DATE,
  data_quality VARCHAR NOT NULL       -- JSON: optional column -> count of invalid values kept as NULL
);
CREATE TABLE IF NOT EXISTS quarantine (
  extract_id VARCHAR NOT NULL,
  source_row INTEGER NOT NULL,
  raw_row VARCHAR NOT NULL,           -- JSON object: the row's declared columns as they were in the file
  reasons VARCHAR[] NOT NULL
);
CREATE TABLE IF NOT EXISTS extract_checks (
  extract_id VARCHAR NOT NULL,
  dataset VARCHAR NOT NULL,
  column_name VARCHAR NOT NULL,
  check_name VARCHAR NOT NULL,       -- all_midnight | all_null | one_value
  reason VARCHAR NOT NULL,
  fix VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS column_mappings (
  name VARCHAR PRIMARY KEY,
  dataset VARCHAR NOT NULL,
  mapping VARCHAR NOT NULL,           -- JSON: canonical column -> header in the file
  saved_at TIMESTAMP NOT NULL
);`;

/** Accounts, sessions (ids stored as SHA-256 hashes only), the audit trail and the settings saved on the admin page. */
const SECURITY_TABLES = `
CREATE TABLE IF NOT EXISTS users (
  name VARCHAR PRIMARY KEY,           -- lower case
  role VARCHAR NOT NULL,              -- viewer | analyst | admin
  password_hash VARCHAR,              -- scrypt$N$r$p$salt$hash; NULL for single sign-on accounts
  source VARCHAR NOT NULL,            -- local | oidc
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  last_login_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash VARCHAR PRIMARY KEY,        -- SHA-256 of the cookie value; the value itself is never stored
  user_name VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  last_seen_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,      -- absolute end, whatever the activity
  ip VARCHAR,
  user_agent VARCHAR
);
CREATE SEQUENCE IF NOT EXISTS audit_log_seq;
CREATE TABLE IF NOT EXISTS audit_log (
  id BIGINT PRIMARY KEY DEFAULT nextval('audit_log_seq'),
  occurred_at TIMESTAMP NOT NULL,
  actor VARCHAR NOT NULL,             -- user name, 'local', 'cli:<os user>' or 'anonymous'
  ip VARCHAR,
  action VARCHAR NOT NULL,            -- e.g. auth.login, extract.upload, publication.withdraw
  target VARCHAR,
  detail VARCHAR NOT NULL,            -- JSON
  outcome VARCHAR NOT NULL            -- success | failure | denied
);
CREATE TABLE IF NOT EXISTS settings (
  key VARCHAR PRIMARY KEY,            -- e.g. disclosure; a saved value overrides the environment
  value VARCHAR NOT NULL,
  changed_by VARCHAR NOT NULL,
  changed_at TIMESTAMP NOT NULL       -- UTC
);`;

/** Frozen published charts (the document JSON is never rewritten) and saved report templates. */
const PUBLICATION_TABLES = `
CREATE TABLE IF NOT EXISTS published_charts (
  id VARCHAR PRIMARY KEY,
  title VARCHAR NOT NULL,
  metric_id VARCHAR NOT NULL,
  metric_version INTEGER NOT NULL,
  chart VARCHAR NOT NULL,             -- breakdown | trend | heatmap
  breakdown VARCHAR NOT NULL,
  breakdown2 VARCHAR,
  period_from DATE,
  period_to DATE,
  disclosure VARCHAR NOT NULL,
  data_as_at VARCHAR,
  published_by VARCHAR NOT NULL,
  account VARCHAR,                    -- the signed-in account, when there is one
  published_at TIMESTAMP NOT NULL,
  withdrawn_at TIMESTAMP,
  withdrawn_by VARCHAR,
  record VARCHAR NOT NULL             -- JSON: the frozen chart (data, spec, metric version, footnotes)
);
CREATE TABLE IF NOT EXISTS report_templates (
  name VARCHAR PRIMARY KEY,
  report VARCHAR NOT NULL,            -- board
  selection VARCHAR NOT NULL,         -- JSON: indicators and breakdowns
  saved_by VARCHAR,
  saved_at TIMESTAMP NOT NULL
);`;

function datasetTableDdl(): string {
  return DATASETS.map((d) => {
    const cols = storageColumns(d)
      .map((c) => `${ident(c.name)} ${c.type}${c.generated ? ` GENERATED ALWAYS AS (${c.generated}) VIRTUAL` : ''}`)
      .join(',\n  ');
    return `CREATE TABLE IF NOT EXISTS ${ident(d.id)} (\n  ${cols}\n);`;
  }).join('\n');
}

async function loadReferenceTables(db: Database): Promise<void> {
  const csv = (file: string) => literal(referenceDir + file);
  await db.run(`
    CREATE TABLE IF NOT EXISTS ref_imd2025 AS
      SELECT lsoa21_code AS lsoa_code, imd_score::DOUBLE AS imd_score, imd_rank::INTEGER AS imd_rank, imd_decile::INTEGER AS imd_decile
      FROM read_csv(${csv('imd2025_lsoa21.csv')}, header = true, all_varchar = true);
    CREATE TABLE IF NOT EXISTS ref_imd2019 AS
      SELECT lsoa11_code AS lsoa_code, imd_rank::INTEGER AS imd_rank, imd_decile::INTEGER AS imd_decile
      FROM read_csv(${csv('imd2019_lsoa11.csv')}, header = true, all_varchar = true);
    CREATE TABLE IF NOT EXISTS ref_esp2013 AS
      SELECT ageband AS age_band, esp2013::DOUBLE AS weight
      FROM read_csv(${csv('esp2013.csv')}, header = true, all_varchar = true);`);
  const functions = Object.entries(TREATMENT_FUNCTIONS).map(([code, name]) => `(${literal(code)}, ${literal(name)})`);
  await db.run(`CREATE OR REPLACE TABLE ref_treatment_functions AS SELECT * FROM (VALUES ${functions.join(', ')}) t(code, name)`);
}

/** The schema version stored in the database, or null for a database without one (new). */
export async function storedSchemaVersion(db: Database): Promise<number | null> {
  const [found] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'meta'`);
  if (!found?.n) return null;
  const [row] = await db.all<{ value: string }>(`SELECT value FROM meta WHERE key = 'schema_version'`);
  return row ? Number(row.value) : null;
}

/**
 * Creates every table that does not exist yet and upgrades an older database step by step.
 * Safe to run at every start. Refuses (NewerSchema), before changing anything, a database
 * written by a newer Parity.
 */
export async function ensureSchema(db: Database): Promise<void> {
  const stored = await storedSchemaVersion(db);
  if (stored !== null && stored > SCHEMA_VERSION) throw new NewerSchema(db.path, stored);
  await db.run(META_TABLES);
  await db.run(PUBLICATION_TABLES);
  await db.run(SECURITY_TABLES);
  await db.run(datasetTableDdl());
  await loadReferenceTables(db);
  for (let version = (stored ?? SCHEMA_VERSION) + 1; version <= SCHEMA_VERSION; version++) await UPGRADES[version]?.(db);
  await db.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)`, [String(SCHEMA_VERSION)]);
  await db.run(`INSERT OR IGNORE INTO meta VALUES ('data_version', '0')`);
  await pruneQuarantine(db);
}

/** A counter bumped by every change to the loaded data, so caches can key on it. */
export async function dataVersion(db: Database): Promise<number> {
  const [row] = await db.all<{ value: string }>(`SELECT value FROM meta WHERE key = 'data_version'`);
  return Number(row?.value ?? 0);
}

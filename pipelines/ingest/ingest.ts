// One upload, start to finish: inspect the file, match its headers, then stage → validate →
// commit in a single transaction. A refusal at any step leaves the database exactly as it was.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Database, type Session, transaction } from '../../db/database.ts';
import { ident, literal } from '../../db/sql.ts';
import type { DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import { DATASET_IDS, findDataset } from '../../core/datasets/index.ts';
import {
  type CompileOptions, RAW_REJECTS, RAW_TEXT, REJECTS, SET_ASIDE, STAGE, VERDICT, compileLines, compileRawText, compileStage, compileVerdict, keepsRawText, rawTextRows,
} from './compile-load.ts';
import { compileGrainInsert, findRepeats, prepareGrain, reportGrain } from './grain/index.ts';
import { FileRefusal, inspectFile } from './inspect-file.ts';
import { type HeaderPlan, matchHeaders } from './match-headers.ts';
import type { MappingColumns } from '../../core/datasets/column-mapping.ts';
import { findEmptyLines, recordGaps, skipNonData } from './skip-lines.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';
import { currentMemoryLimit, isOutOfMemory, outOfMemoryError } from './out-of-memory.ts';
import { readHeader } from './read-header.ts';
import { knownHeaders } from '../../core/datasets/header-row.ts';
import { ignoredColumns, quarantineKeys } from '../../core/datasets/quarantine-columns.ts';
import { IngestSummary } from '../../core/contracts/ingest.ts';
import { rejectedSummary, splitReason } from './summary.ts';
import { transcodeToUtf8 } from './transcode.ts';
import { checkInputs } from './input-checks.ts';
import { readColumns } from './column-readings.ts';
import { derivedNotes, withDerivedReadings } from './derive-absent.ts';
import type { InputFinding, NotComputable } from '../../core/contracts/ingest.ts';

export interface IngestRequest {
  /** The file on disk. */
  path: string;
  dataset: string;
  /** The name the user knows the file by (defaults to the path's base name). */
  fileName?: string;
  /** Canonical column → header in the file, a header with a value vocabulary, or a date + time pair. */
  mapping?: MappingColumns;
  /** Extract to swap out in the same transaction. */
  replace?: string;
  uploadedBy?: string;
}

export interface IngestOptions {
  maxBytes: number;
  chineseGroup: '2001' | '2021';
  /** Where a Windows-1252 file's UTF-8 copy is written (default: the system's temporary folder). */
  scratchDir?: string;
  /** PARITY_MEMORY_LIMIT, named when a load runs out of memory (default: asked of DuckDB). */
  memoryLimit?: string;
  /**
   * The indicators an extract's input findings make not computable (the catalogue lives in
   * metrics/, which the loader does not import; the server passes metrics/engine/computability.ts).
   */
  affectedIndicators?: (session: Session, dataset: string, extractId: string, fileName: string, findings: InputFinding[]) => Promise<NotComputable[]>;
}

const MAX_ERRORS = 100;

/**
 * PARITY_TRACE=1 prints how long each step of a load took, to stderr: wall-clock time and the
 * process's CPU time (all threads), which varies less when other work shares the machine.
 */
function tracer(): (step: string) => void {
  if (!process.env.PARITY_TRACE) return () => undefined;
  let last = performance.now();
  let cpu = process.cpuUsage();
  return (step) => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    process.stderr.write(`ingest ${step}: ${(now - last).toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms)\n`);
    last = now;
    cpu = process.cpuUsage();
  };
}

async function count(session: Session, sql: string, params?: Record<string, string>): Promise<number> {
  const [row] = await session.all<{ n: number }>(sql, params);
  return Number(row?.n ?? 0);
}

interface StageRequest {
  path: string;
  dataset: DatasetSpec;
  plan: HeaderPlan;
  headerCount: number;
  delimiter: string;
  chineseGroup: IngestOptions['chineseGroup'];
  /** The file may have empty lines, which DuckDB skips: find them so later rows keep their line numbers. */
  mayHaveEmptyLines: boolean;
  /** Report title lines above the header, skipped (read-header.ts). */
  preamble: number;
}

interface Staged {
  options: CompileOptions;
  skipped: IngestSummary['skippedLines'];
  /** Makes RAW_TEXT, the read columns' text by stage row, when a step needs it (once). */
  rawText: () => Promise<void>;
}

/** Reads the file into the stage, parsing every value once; says how to compile the later steps. */
async function stageFile(session: Session, request: StageRequest): Promise<Staged> {
  const columns = Array.from({ length: request.headerCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // The quarantine reads the file a second time (rawText below): the same options, preamble
  // skip included, so its n-th row is the stage's n-th row.
  const source = (rejects: string) => `read_csv(${literal(request.path)},
    header = true, skip = ${request.preamble}, auto_detect = false, columns = {${columns}}, delim = ${literal(request.delimiter)}, quote = '"', escape = '"',
    store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scans')`;
  await session.run(compileStage(request.dataset, request.plan, request.headerCount, source(RAW_REJECTS), request.chineseGroup));
  // DuckDB may record several errors for one line; keep the first, in words an analyst can act on.
  // The line's text is not kept: it may hold columns the dataset does not declare.
  await session.run(`CREATE OR REPLACE TEMP TABLE ${REJECTS} AS
    SELECT line::INTEGER AS line,
      -- Spaces or separators only: a blank line, skipped and counted, not a row.
      bool_and(regexp_full_match(coalesce(csv_line, ''), '[\\s,;|]*')) AS blank,
      -- One or two fields where the header has more: what a report footer looks like ("Total: 1,204").
      bool_or(error_type = 'MISSING COLUMNS' AND TRY_CAST(regexp_extract(error_message, 'Found: ([0-9]+)', 1) AS INTEGER) <= 2) AS short,
      arg_min(CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')
        THEN regexp_replace(error_message, '^Expected Number of Columns: ([0-9]+) Found: ([0-9]+).*$',
          'has \\2 fields but the header has \\1 (look for an unquoted separator or a line cut short)')
        ELSE error_message END, column_idx) AS error_message
    FROM ${RAW_REJECTS} GROUP BY line`);
  // Rejected and empty lines are missing from the stage: later rows' line numbers are shifted past them.
  // Lines are numbered from the top of the file, preamble included; empty lines above the header are preamble.
  const headerLine = request.preamble + 1;
  const empty = request.mayHaveEmptyLines ? (await findEmptyLines(request.path)).filter((line) => line > headerLine) : [];
  const hasRejects = (await recordGaps(session, empty)) > 0;
  if (hasRejects) await session.run(compileLines({ headerLine }));
  const options = { hasRejects, chineseGroup: request.chineseGroup, headerLine };
  const skipped = await skipNonData(session, options, empty.length);
  let made = keepsRawText(request.dataset);
  const rawText = async () => {
    if (made) return;
    await session.run(compileRawText(request.plan, source(`${RAW_REJECTS}_again`)));
    const [rows] = await session.all<{ text: number; stage: number }>(
      `SELECT (SELECT count(*) FROM ${RAW_TEXT})::INTEGER AS text, (SELECT count(*) FROM ${STAGE})::INTEGER AS stage`,
    );
    // Never attribute one row's text to another: the two reads must agree row for row.
    if (rows.text !== rows.stage) throw new Error(`the file read ${rows.text} rows the second time, ${rows.stage} the first`);
    made = true;
  };
  return { options, skipped: { ...skipped, preamble: request.preamble }, rawText };
}

async function checkReplace(session: Session, dataset: DatasetSpec, replace: string): Promise<void> {
  const [old] = await session.all<{ dataset: string }>(`SELECT dataset FROM extracts WHERE id = ? AND status = 'loaded'`, [replace]);
  if (!old) throw new FileRefusal(fileMessages.replaceNotFound(replace));
  if (old.dataset !== dataset.id) throw new FileRefusal(fileMessages.replaceWrongDataset(replace, old.dataset));
  await session.run(`DELETE FROM ${ident(dataset.id)} WHERE extract_id = ?`, [replace]);
  await session.run(`UPDATE extracts SET status = 'replaced' WHERE id = ?`, [replace]);
}

async function collectErrors(session: Session): Promise<IngestSummary['errors']> {
  const rows = await session.all<{ row: number; reason: string }>(`
    SELECT row, reason FROM (
      SELECT source_row AS row, unnest(_reasons) AS reason FROM ${VERDICT}
      UNION ALL SELECT line::INTEGER, 'row: ' || error_message FROM ${REJECTS})
    ORDER BY row LIMIT ${MAX_ERRORS}`);
  return rows.map((r) => splitReason(r.row, r.reason));
}

/**
 * Keeps the rows that failed. A row keeps only the declared columns, under the keys of
 * `quarantineKeys`; the file's other columns are not stored. A line that could not be split into
 * the header's fields keeps its line number and reason only: which field is which cannot be told,
 * so no part of it can be attributed to a declared column.
 */
async function quarantineRows(session: Session, extractId: string, dataset: DatasetSpec, plan: HeaderPlan, columnMapping: Record<string, string>, stage: Staged): Promise<void> {
  const keys = quarantineKeys(dataset, columnMapping);
  const pairs = new Map<string, string>();
  for (const [column, index] of [...plan.match].sort((a, b) => a[1] - b[1])) {
    const key = keys.get(column);
    const time = plan.times.get(column);
    // A date + time column keeps both fields as they were, "date time".
    const value = time === undefined ? `s.c${index}` : `concat_ws(' ', s.c${index}, s.c${time})`;
    if (key !== undefined && !pairs.has(key)) pairs.set(key, value);
  }
  const json = pairs.size ? `json_object(${[...pairs].map(([k, v]) => `${literal(k)}, ${v}`).join(', ')})::VARCHAR` : `'{}'`;
  if (await count(session, `SELECT count(*)::INTEGER AS n FROM ${VERDICT}`) > 0) {
    await stage.rawText();
    const text = keepsRawText(dataset) ? STAGE : rawTextRows();
    await session.run(
      `INSERT INTO quarantine SELECT $id, v.source_row, ${json}, v._reasons
       FROM ${VERDICT} v JOIN ${text} s ON s.rowid = v._rowid`,
      { id: extractId },
    );
  }
  await session.run(`INSERT INTO quarantine SELECT $id, line::INTEGER, '{}', ['row: ' || error_message] FROM ${REJECTS}`, { id: extractId });
}

async function dataQuality(session: Session, dataset: DatasetSpec, extractId: string): Promise<Record<string, number>> {
  const rows = await session.all<{ column: string; n: number }>(
    `SELECT flag AS column, count(*)::INTEGER AS n FROM (SELECT unnest(dq_flags) AS flag FROM ${ident(dataset.id)} WHERE extract_id = ?)
     GROUP BY flag ORDER BY flag`,
    [extractId],
  );
  return Object.fromEntries(rows.map((r) => [r.column, r.n]));
}

async function commonestReason(session: Session): Promise<string> {
  const [row] = await session.all<{ reason: string }>(
    `SELECT reason FROM (SELECT unnest(_reasons) AS reason FROM ${VERDICT} UNION ALL SELECT 'row: ' || error_message FROM ${REJECTS})
     GROUP BY regexp_replace(reason, '''.*''', ''), reason ORDER BY count(*) OVER (PARTITION BY regexp_replace(reason, '''.*''', '')) DESC LIMIT 1`,
  );
  return row?.reason ?? 'unknown';
}

/**
 * Loads one extract. Never throws for a bad file: a refusal comes back as status "rejected". Running
 * out of DuckDB's memory throws an AppError (`out_of_memory`, 507) that says to raise PARITY_MEMORY_LIMIT.
 */
export async function ingestFile(db: Database, request: IngestRequest, options: IngestOptions): Promise<IngestSummary> {
  // Parsing puts the keys in the documented order and checks the shape.
  return IngestSummary.parse(await load(db, request, options));
}

async function load(db: Database, request: IngestRequest, options: IngestOptions): Promise<IngestSummary> {
  const dataset = findDataset(request.dataset);
  if (!dataset) return rejectedSummary(request.dataset, fileMessages.unknownDataset(request.dataset, DATASET_IDS));
  let transcoded: string | null = null;
  const trace = tracer();
  try {
    const facts = await inspectFile(request.path, options.maxBytes);
    trace('inspect');
    const header = readHeader(facts.head, knownHeaders(dataset, request.mapping));
    if (!header.hasDataRows) throw new FileRefusal(fileMessages.headerOnly());
    const plan = matchHeaders(dataset, header.headers, request.mapping);
    const columnMapping = Object.fromEntries([...plan.match].map(([column, index]) => {
      const time = plan.times.get(column);
      return [column, time === undefined ? header.headers[index] : `${header.headers[index]} + ${header.headers[time]}`];
    }));
    // Time headers are used too: key them apart so they are not listed as ignored.
    const used = new Map([...plan.match, ...[...plan.times].map(([c, i]) => [`${c} (time)`, i] as [string, number])]);
    const base = {
      dataset: dataset.id, encoding: facts.encoding, delimiter: header.delimiter, columnMapping,
      ignoredColumns: ignoredColumns(header.headers, used), fileError: null,
    };

    const [existing] = await db.all<{ id: string; rows_read: number; rows_loaded: number; rows_quarantined: number }>(
      `SELECT id, rows_read, rows_loaded, rows_quarantined FROM extracts WHERE dataset = ? AND sha256 = ? AND status = 'loaded'`,
      [dataset.id, facts.sha256],
    );
    if (existing) {
      return { ...base, extractId: existing.id, status: 'duplicate', rowsRead: existing.rows_read, rowsLoaded: existing.rows_loaded,
        rowsQuarantined: existing.rows_quarantined, rowsSetAside: existing.rows_read - existing.rows_loaded - existing.rows_quarantined,
        setAside: [], grain: null, imd: null, columns: [], notComputable: [], errors: [], dataQuality: {}, replaced: null,
        skippedLines: { blank: 0, footer: 0, preamble: header.preamble }, notes: plan.notes };
    }

    let path = request.path;
    if (facts.encoding === 'windows-1252') {
      transcoded = join(options.scratchDir ?? tmpdir(), `parity-utf8-${randomUUID()}.csv`);
      await transcodeToUtf8(request.path, transcoded);
      path = transcoded;
    }
    const extractId = `${dataset.id.replaceAll('_', '-')}-${randomUUID().slice(0, 8)}`;

    return await db.withSession(async (session) => {
      // Staged outside the transaction: a temporary table touches nothing in the database file, and
      // rows created inside a transaction carry provisional row ids, which the row numbering needs.
      const stage = await stageFile(session, {
        path, dataset, plan, headerCount: header.headers.length, delimiter: header.delimiter, chineseGroup: options.chineseGroup,
        mayHaveEmptyLines: facts.mayHaveEmptyLines, preamble: header.preamble,
      });
      const { options: compileOptions, skipped } = stage;
      trace('stage');
      return transaction(session, async () => {
      if (request.replace) await checkReplace(session, dataset, request.replace);
      const rejected = await count(session, `SELECT count(*)::INTEGER AS n FROM ${REJECTS}`);
      await session.run(compileVerdict(compileOptions));
      trace('verdict');
      const grainPlan = await prepareGrain(session, dataset, plan.match, header.headers, compileOptions);
      trace('grain');
      await findRepeats(session, dataset, grainPlan, compileOptions);
      trace('duplicates');
      const staged = await count(session, `SELECT count(*)::INTEGER AS n FROM ${STAGE} WHERE NOT _skip`);
      const rowsSetAside = compileOptions.hasSetAside ? await count(session, `SELECT count(*)::INTEGER AS n FROM ${SET_ASIDE}`) : 0;
      const rowsQuarantined = rejected + (await count(session, `SELECT count(*)::INTEGER AS n FROM ${VERDICT}`));
      const rowsRead = staged + rejected;
      const rowsLoaded = rowsRead - rowsQuarantined - rowsSetAside;
      if (rowsLoaded === 0) throw new FileRefusal(fileMessages.noRowLoaded(rowsRead, await commonestReason(session)));

      await session.run(compileGrainInsert(dataset, grainPlan, compileOptions), { extract_id: extractId });
      trace('insert');
      const grain = await reportGrain(session, dataset, grainPlan, plan.match, header.headers, extractId, rowsLoaded);
      const columns = await withDerivedReadings(session, dataset, plan, header.headers, await readColumns(session, dataset, plan.match, header.headers));
      const findings = await checkInputs(session, dataset, extractId, new Set(plan.match.keys()));
      const fileName = request.fileName ?? basename(request.path);
      const notComputable = (await options.affectedIndicators?.(session, dataset.id, extractId, fileName, findings)) ?? [];
      trace('checks');
      await quarantineRows(session, extractId, dataset, plan, columnMapping, stage);
      trace('quarantine');
      const quality = await dataQuality(session, dataset, extractId);
      const notes = [...plan.notes, ...(await derivedNotes(session, dataset, plan, header.headers, extractId))];
      if (dataset.patientLevel) {
        const outside = await count(session, `SELECT count(*)::INTEGER AS n FROM ${ident(dataset.id)} WHERE extract_id = $id AND imd_edition = 'outside England'`, { id: extractId });
        if (outside > 0) notes.push(fileMessages.outsideEngland(outside));
      }
      const errors = await collectErrors(session);
      trace('summary');
      const period = dataset.periodColumn
        ? `SELECT min(${ident(dataset.periodColumn)})::DATE AS f, max(${ident(dataset.periodColumn)})::DATE AS t FROM ${ident(dataset.id)} WHERE extract_id = $id`
        : `SELECT NULL::DATE AS f, NULL::DATE AS t`;
      const [range] = await session.all<{ f: string | null; t: string | null }>(period, dataset.periodColumn ? { id: extractId } : undefined);
      await session.run(
        `INSERT INTO extracts VALUES ($id, $dataset, $file, $sha, $by, current_timestamp::TIMESTAMP, $read, $loaded, $quarantined, 'loaded',
           $replaces, $mapping, $encoding, $delimiter, $from::DATE, $to::DATE, $quality)`,
        {
          id: extractId, dataset: dataset.id, file: fileName, sha: facts.sha256,
          by: request.uploadedBy ?? 'cli', read: rowsRead, loaded: rowsLoaded, quarantined: rowsQuarantined,
          replaces: request.replace ?? null, mapping: JSON.stringify(columnMapping), encoding: facts.encoding,
          delimiter: header.delimiter, from: range?.f ?? null, to: range?.t ?? null, quality: JSON.stringify(quality),
        },
      );
      await session.run(`UPDATE meta SET value = (value::INTEGER + 1)::VARCHAR WHERE key = 'data_version'`);
      return { ...base, extractId, status: 'loaded' as const, rowsRead, rowsLoaded, rowsQuarantined, ...grain,
        columns, notComputable, errors, dataQuality: quality, replaced: request.replace ?? null, skippedLines: skipped, notes };
      });
    });
  } catch (error) {
    if (error instanceof FileRefusal) return rejectedSummary(dataset.id, error.message);
    if (isOutOfMemory(error)) throw outOfMemoryError(options.memoryLimit ?? (await currentMemoryLimit(db)));
    throw error;
  } finally {
    if (transcoded) await rm(transcoded, { force: true });
  }
}

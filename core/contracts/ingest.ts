// The result of one upload, as `parity ingest --json` prints it, `POST /api/extracts` answers it
// (and declares it as its response schema) and the upload page parses it (docs/ingestion.md):
// its row counts, and what it reports beyond them — the grain it was read at, the rows set aside
// (not errors, not loaded), how the IMD decile was found, how each column's values were read,
// and the indicators the extract cannot support.
import * as z from 'zod/mini';
import { BenchmarkIndicator } from './benchmarks.ts';

const count = z.int();

const int = count;
const str = z.string();

/** Rows of the file that are neither loaded nor quarantined, by why. */
export const SetAside = z.object({
  /** later_episode: a spell's second and later episodes; total_row: a Total/All ages row; area_total: a row for an area larger than an LSOA; not_a_count: a Percent (not Value) row. */
  reason: z.enum(['later_episode', 'total_row', 'area_total', 'not_a_count']),
  rows: int,
  message: str,
});
export type SetAside = z.infer<typeof SetAside>;

/** One row in the file is not one row in the table: what each is, and how many rows were stored. */
export const GrainReport = z.object({
  file: str,
  stored: str,
  rowsStored: int,
  message: str,
});
export type GrainReport = z.infer<typeof GrainReport>;

export const imdEditions = ['IoD2019', 'IoD2025'] as const;

/** How the LSOA codes were read and which IoD edition gave each row its decile. */
export const ImdReport = z.object({
  /** 2011 or 2021 LSOA codes, or mixed, and how that was decided. */
  lsoaVintage: z.nullable(z.enum(['2011', '2021', 'mixed'])),
  vintageBasis: str,
  /** Rows given a decile from each edition, from a supplied column, or none. */
  rows: z.object({ IoD2019: int, IoD2025: int, supplied: int, outsideEngland: int, notFound: int, noLsoa: int }),
  /** A supplied IMD decile column, when the file has one. */
  supplied: z.nullable(z.object({
    header: str,
    /** The edition its header names (IoD2019, IoD2025) or null when it names none. */
    edition: z.nullable(str),
    /** Rows where both a supplied and a derived decile exist: how many agree. */
    agree: int,
    disagree: int,
    message: str,
  })),
  message: str,
});
export type ImdReport = z.infer<typeof ImdReport>;

/** How one declared column's values were read, over the rows of the file. */
export const ColumnReading = z.object({
  column: str,
  header: z.nullable(str),
  /** Read as written (already canonical). */
  recognised: int,
  /** Read after recoding (a word, another spelling or format, a label for a code). */
  recoded: int,
  /** Blank or a recognised "not known" marker. */
  missing: int,
  /** Present but not readable. */
  unreadable: int,
});
export type ColumnReading = z.infer<typeof ColumnReading>;

/** An input column whose values make an indicator meaningless (found after a load). */
export const InputFinding = z.object({
  column: str,
  check: z.enum(['all_midnight', 'all_null', 'one_value']),
  reason: str,
  fix: str,
});
export type InputFinding = z.infer<typeof InputFinding>;

/** An indicator that answers with this reason instead of a number. */
export const NotComputable = z.object({
  metric: str,
  title: str,
  /** "Not computable from this extract: …" — the reason and the fix together. */
  message: str,
  reason: str,
  fix: str,
  extractIds: z.array(str),
});
export type NotComputable = z.infer<typeof NotComputable>;

export const IngestSummary = z.object({
  extractId: z.nullable(z.string()),
  dataset: z.string(),
  status: z.enum(['loaded', 'duplicate', 'rejected']),
  rowsRead: count,
  rowsLoaded: count,
  rowsQuarantined: count,
  /** Rows read but neither loaded nor quarantined (a spell's later episodes, population totals): rowsRead = rowsLoaded + rowsSetAside + rowsQuarantined. */
  rowsSetAside: count,
  setAside: z.array(SetAside),
  /** When one row of the file is not one row of the table (episodes → spells, population rows → cells). */
  grain: z.nullable(GrainReport),
  /** Where the IMD deciles came from, when the file has an LSOA or an IMD column. */
  imd: z.nullable(ImdReport),
  /** How each declared column's values were read. */
  columns: z.array(ColumnReading),
  /** Indicators this extract's values cannot support, with the reason and the fix. */
  notComputable: z.array(NotComputable),
  errors: z.array(z.object({ row: count, column: z.string(), message: z.string() })),
  fileError: z.nullable(z.string()),
  /** Optional columns whose invalid values were kept as blanks: column → count. */
  dataQuality: z.record(z.string(), count),
  encoding: z.nullable(z.string()),
  delimiter: z.nullable(z.string()),
  columnMapping: z.record(z.string(), z.string()),
  /** The file's columns the dataset does not declare ("NHS Number", a second "patient_id" as "patient_id (2)"): neither loaded nor kept in the quarantine. */
  ignoredColumns: z.array(z.string()),
  replaced: z.nullable(z.string()),
  /** A benchmarks load: the file's indicators and the catalogue indicators each feeds (an empty list: kept, not shown). */
  benchmarkIndicators: z.optional(z.array(BenchmarkIndicator)),
  /**
   * Lines that are not data rows, skipped and not counted in rowsRead: blank (empty, spaces or
   * separators only, as Excel writes), a report footer after the last data row, and a report's
   * preamble — the title lines above the header row ("Outpatient Activity Report", "Run date: …").
   */
  skippedLines: z.object({ blank: count, footer: count, preamble: count }),
  /** What Parity chose in reading the file: a header preferred over another, a date and a time combined, areas outside England. */
  notes: z.array(z.string()),
});
export type IngestSummary = z.infer<typeof IngestSummary>;

// Lines that are not data rows: blank lines (empty, spaces, or separators only — Excel writes a
// comma-only line for every empty row of a sheet; SSMS "Results to text" a rule of dashes) and a report footer after the last data row
// ("Total: 1,204", "Report run 02/12/2026 by …"). They are skipped and counted apart, so that
// rowsRead counts data rows and rowsRead = rowsLoaded + rowsQuarantined still holds.
import { createReadStream } from 'node:fs';
import type { Session } from '../../db/database.ts';
import { type CompileOptions, GAPS, LINES, REJECTS, STAGE, firstDataLine } from './compile-load.ts';

/**
 * Line numbers (header = 1) of the empty lines of the file, which DuckDB's reader skips without a
 * trace. Called only when the file's inspection saw an empty line, so a file without one is not
 * read again.
 */
export async function findEmptyLines(path: string): Promise<number[]> {
  const lines: number[] = [];
  let line = 1;
  let lineLength = 0; // bytes of the current line so far, a CR not counted
  let pending = false; // an empty line ended: it counts once another line follows it
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let at = 0;
    while (at < chunk.length) {
      const lf = chunk.indexOf(0x0a, at);
      const end = lf < 0 ? chunk.length : lf;
      for (let i = at; i < end; i++) if (chunk[i] !== 0x0d) lineLength++;
      if (lf < 0) break;
      if (pending) lines.push(line - 1);
      pending = lineLength === 0;
      line++;
      lineLength = 0;
      at = lf + 1;
    }
    if (pending && lineLength > 0) {
      lines.push(line - 1);
      pending = false;
    }
  }
  // An empty line at the very end (the file ends "…\n\n") is still a blank line.
  if (pending) lines.push(line - 1);
  return lines;
}

/** Records the lines without a stage row (rejected or empty) for the line numbering; returns how many. */
export async function recordGaps(session: Session, emptyLines: number[]): Promise<number> {
  const empty = emptyLines.length ? ` UNION ALL SELECT unnest([${emptyLines.join(', ')}]::INTEGER[])` : '';
  await session.run(`CREATE OR REPLACE TEMP TABLE ${GAPS} AS SELECT line FROM ${REJECTS}${empty}`);
  const [row] = await session.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${GAPS}`);
  return row.n;
}

async function one(session: Session, sql: string): Promise<number | null> {
  const [row] = await session.all<{ n: number | null }>(sql);
  return row?.n ?? null;
}

/**
 * Marks blank stage rows and the footer as skipped (`_skip`), takes blank and footer lines out of
 * the rejected lines, and counts both. The footer is the non-blank lines after the last line with
 * two or more of the columns Parity reads filled (a data row always has more than one) and after
 * the last rejected line of data length; a rejected line is footer only if it has one or two fields.
 * The stage counts each row's filled columns among those Parity reads (`_filled`).
 */
export async function skipNonData(session: Session, opts: CompileOptions, emptyLines: number): Promise<{ blank: number; footer: number }> {
  const blankRows = (await one(session, `SELECT count(*)::INTEGER AS n FROM ${STAGE} WHERE _skip`)) ?? 0;
  // The footer sits at the end: look at the last rows first, and at the whole stage only if need be.
  const last = (where: string) => one(session, `SELECT max(rowid)::BIGINT AS n FROM ${STAGE} WHERE ${where}_filled >= 2`);
  const total = (await one(session, `SELECT count(*)::INTEGER AS n FROM ${STAGE}`)) ?? 0;
  const lastData = (await last(`rowid >= ${Math.max(total - 1000, 0)} AND `)) ?? (total > 1000 ? await last('') : null);

  let footerRows = 0;
  let lastLine = Number.MAX_SAFE_INTEGER;
  if (lastData !== null) {
    footerRows = (await one(session, `SELECT count(*)::INTEGER AS n FROM ${STAGE} WHERE rowid > ${lastData} AND NOT _skip`)) ?? 0;
    if (footerRows > 0) await session.run(`UPDATE ${STAGE} SET _skip = true WHERE rowid > ${lastData}`);
    lastLine = opts.hasRejects ? ((await one(session, `SELECT source_row AS n FROM ${LINES} WHERE _rowid = ${lastData}`)) ?? lastLine) : lastData + firstDataLine(opts);
  }
  const blankRejected = (await one(session, `SELECT count(*)::INTEGER AS n FROM ${REJECTS} WHERE blank`)) ?? 0;
  // A rejected line is footer only when short; a data row cut short or too long stays quarantined.
  const footer = `NOT blank AND short AND line > ${lastLine} AND line > (SELECT coalesce(max(line), 0) FROM ${REJECTS} WHERE NOT blank AND NOT short)`;
  const footerRejected = (await one(session, `SELECT count(*)::INTEGER AS n FROM ${REJECTS} WHERE ${footer}`)) ?? 0;
  if (blankRejected + footerRejected > 0) await session.run(`DELETE FROM ${REJECTS} WHERE blank OR (${footer})`);
  return { blank: emptyLines + blankRows + blankRejected, footer: footerRows + footerRejected };
}

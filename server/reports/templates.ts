// Saved board-report templates: a named selection of indicators and breakdowns, in DuckDB.
import type { Database } from '../../db/database.ts';
import * as messages from '../messages.ts';
import { checkSelection, type ReportSelection } from './selection.ts';

export interface ReportTemplate extends ReportSelection {
  name: string;
  savedBy: string | null;
  savedAt: string;
}

export async function listTemplates(db: Database): Promise<ReportTemplate[]> {
  const rows = await db.all<{ name: string; selection: string; saved_by: string | null; saved_at: string }>(
    `SELECT name, selection, saved_by, strftime(saved_at, '%Y-%m-%dT%H:%M:%SZ') AS saved_at FROM report_templates WHERE report = 'board' ORDER BY name`,
  );
  return rows.map((r) => ({ ...(JSON.parse(r.selection) as ReportSelection), name: r.name, savedBy: r.saved_by, savedAt: r.saved_at }));
}

export async function findTemplate(db: Database, name: string): Promise<ReportTemplate> {
  const found = (await listTemplates(db)).find((t) => t.name === name);
  if (!found) throw messages.reportTemplateNotFound(name);
  return found;
}

/** Saves (or replaces) a template under its name. */
export async function saveTemplate(db: Database, name: string, selection: ReportSelection, savedBy: string | null): Promise<ReportTemplate> {
  const checked = checkSelection(selection);
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, '').replace('T', ' ');
  await db.run(`INSERT OR REPLACE INTO report_templates VALUES (?, 'board', ?, ?, ?::TIMESTAMP)`, [name, JSON.stringify(checked), savedBy, at]);
  return findTemplate(db, name);
}

export async function deleteTemplate(db: Database, name: string): Promise<void> {
  await findTemplate(db, name);
  await db.run(`DELETE FROM report_templates WHERE name = ?`, [name]);
}

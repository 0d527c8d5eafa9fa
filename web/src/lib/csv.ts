// CSV text for downloads, safe to open in a spreadsheet: a text cell that a spreadsheet would run
// as a formula (starting with = + - @, tab or carriage return) is prefixed with a quote. Numbers
// are written as numbers, so a negative gap stays a number. The same rule as server/csv.ts.
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvTable {
  headers: string[];
  rows: CsvCell[][];
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: CsvTable): string {
  return [table.headers, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The headers and cells of a rendered HTML table, as shown (the fallback when a chart gives no data). */
export function tableFromElement(table: HTMLTableElement): CsvTable {
  const text = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
  const headers = [...table.querySelectorAll('thead th')].map(text);
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
  return { headers, rows };
}

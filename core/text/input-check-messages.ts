// Why an indicator cannot be computed from what was loaded, and what to do. Each finding names the
// column; an indicator's answer puts its finding(s) after "Not computable from this extract:".
const n = (x: number) => x.toLocaleString('en-GB');

export const inputCheckMessages = {
  allMidnight: (column: string, values: number) => ({
    reason: `every ${column} (${n(values)} values) is exactly midnight, 00:00, so no time of day was read`,
    fix: `The export probably has the date and the time in separate columns: map both into ${column} (date + time) or export one date-time column, then load the file again with replace.`,
  }),
  allNull: (column: string, inFile: boolean) =>
    inFile
      ? { reason: `${column} is empty or unreadable on every row`, fix: `Check that the export fills ${column} (or map the header that holds it), then load the file again with replace.` }
      : { reason: `the file has no ${column} column`, fix: `Add ${column} to the export, or map the header that holds it, then load the file again with replace.` },
  oneValue: (column: string, value: string, rows: number) => ({
    reason: `every one of the ${n(rows)} rows has the same ${column}, '${value}'`,
    fix: `One value on every row is usually a default filled in by the export or a mapping to the wrong header: check ${column} in the export and the mapping, then load the file again with replace.`,
  }),
  notComputable: (reasons: string[], fixes: string[], files: string[]) =>
    `Not computable from ${files.length === 1 ? `this extract (${files[0]})` : `these extracts (${files.join(', ')})`}: ${reasons.join('; ')}. ${[...new Set(fixes)].join(' ')}`,
};

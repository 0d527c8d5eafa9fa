import { z } from 'zod';

/**
 * How a column's text is parsed and normalised on load. Each kind has one SQL normaliser in
 * `pipelines/ingest/normalise-sql.ts` and one browser-side check in `preview-schema.ts`.
 */
export const columnKind = z.enum([
  'id', // non-empty text identifier
  'text',
  'integer',
  'year', // a year: 2024, mid-2024, June 2024, 2024-06, 2024/25 (financial year starting in 2024)
  'number',
  'date', // ISO or UK day-first date
  'datetime', // ISO date-time or UK day-first date-time
  'boolean', // Y/N, Yes/No, 1/0, True/False
  'code', // one of a code list, with word synonyms
  'ethnic_category',
  'sex',
  'lsoa_code',
  'treatment_function',
  'icd10',
  'opcs4',
  'period', // a period label: 2023/24, 2023, 2021 - 23, 2021/22 - 23/24, 2023/24 Q1 (period-label.ts)
  'year', // a calendar year: 2021, "mid-2021", "June 2021", "2021-06"
  'age_band', // an ESP 5-year band, or an age or age range that falls in one ("Age 47", "Aged 45 to 49")
]);
export type ColumnKind = z.infer<typeof columnKind>;

export const codeEntry = z.object({ code: z.string(), label: z.string() });

export const columnSpec = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  kind: columnKind,
  required: z.boolean(),
  description: z.string().min(1),
  /** Other headers trusts use for this column; matched case- and punctuation-insensitively. */
  aliases: z.array(z.string()).default([]),
  /** For `code` columns: the accepted codes and their labels. */
  codes: z.array(codeEntry).optional(),
  /**
   * For `code` columns: words accepted for a code, e.g. "DNA" → "3"; for `integer` columns: values
   * that stand for a number, e.g. HES infant ages "7001" → "0". Keys are matched normalised.
   */
  synonyms: z.record(z.string(), z.string()).optional(),
  /**
   * For `datetime` columns: pairs of headers (by name, matched like aliases) that hold the date and
   * the time apart, as national layouts do (ECDS `Arrival_Date` + `Arrival_Time`); the load combines
   * them when no single header holds the column.
   */
  dateTimePairs: z.array(z.tuple([z.string(), z.string()])).default([]),
  /**
   * For `datetime` columns: headers that hold the column as whole minutes after another date-time
   * column of the row (HES A&E `DEPDUR`, which has no departure date; ECDS
   * `EC_Departure_Time_Since_Arrival`). Read when no header or date + time pair holds the column.
   */
  minutesAfter: z.object({ column: z.string(), headers: z.array(z.string()).min(1) }).optional(),
  /**
   * For `boolean` columns: how the value is told when the file has no header for the column —
   * true where `from` (a code column) holds one of `trueCodes` or a column of `trueWhenGiven` has
   * a value, false where `from` holds another valid code, not known otherwise. ECDS records no
   * admitted flag: admission is told by the discharge destination or a decision to admit.
   */
  deriveWhenAbsent: z
    .object({ from: z.string(), trueCodes: z.array(z.string()).min(1), trueWhenGiven: z.array(z.string()).default([]) })
    .optional(),
  /** For `integer` and `number` columns: the accepted range, inclusive. */
  min: z.number().optional(),
  max: z.number().optional(),
  /**
   * For optional columns: a value that is present but cannot be read sends the row to the
   * quarantine instead of being stored blank — for published figures, where a blank would be read
   * as "not published" and a row missing its value must not pass silently.
   */
  rejectInvalid: z.boolean().default(false),
});
export type ColumnSpec = z.infer<typeof columnSpec>;

export const datasetSpec = z
  .object({
    id: z.string().regex(/^[a-z][a-z_]*$/),
    title: z.string(),
    description: z.string(),
    /** What one row is, e.g. "outpatient appointment". */
    grain: z.string(),
    /** Columns that identify a row; a second row with the same key is quarantined. */
    key: z.array(z.string()).min(1),
    /** The date column used for periods, if any. */
    periodColumn: z.string().nullable(),
    /** Patient-level datasets carry the demographic columns and their derived fields. */
    patientLevel: z.boolean(),
    /**
     * A newer extract supersedes an older one instead of its repeated keys being quarantined:
     * published series are revised with each release, and each download carries the whole series.
     */
    supersedes: z.boolean().default(false),
    columns: z.array(columnSpec).min(1),
    /**
     * A header that says what each row's figure measures (Nomis `MEASURES_NAME`: Value, Percent),
     * and the values that are counts: rows measuring anything else are set aside, not summed.
     */
    measure: z.object({ headers: z.array(z.string()).min(1), counts: z.array(z.string()).min(1) }).optional(),
  })
  .superRefine((d, ctx) => {
    const names = new Set(d.columns.map((c) => c.name));
    for (const k of d.key) if (!names.has(k)) ctx.addIssue({ code: 'custom', message: `key column ${k} is not declared` });
    if (d.periodColumn && !names.has(d.periodColumn))
      ctx.addIssue({ code: 'custom', message: `period column ${d.periodColumn} is not declared` });
    for (const c of d.columns) {
      if (c.kind === 'code' && !c.codes?.length) ctx.addIssue({ code: 'custom', message: `code column ${c.name} has no codes` });
      const derive = c.deriveWhenAbsent;
      if (!derive) continue;
      const from = d.columns.find((f) => f.name === derive.from);
      if (c.kind !== 'boolean') ctx.addIssue({ code: 'custom', message: `${c.name} is derived but not a boolean` });
      if (from?.kind !== 'code') ctx.addIssue({ code: 'custom', message: `${c.name} is derived from ${derive.from}, which is not a code column` });
      for (const code of derive.trueCodes)
        if (from?.codes && !from.codes.some((e) => e.code === code)) ctx.addIssue({ code: 'custom', message: `${derive.from} has no code ${code}` });
      for (const name of derive.trueWhenGiven) if (!names.has(name)) ctx.addIssue({ code: 'custom', message: `${c.name} is derived from ${name}, which is not declared` });
    }
  });
export type DatasetSpec = z.infer<typeof datasetSpec>;
export type DatasetInput = z.input<typeof datasetSpec>;

export function defineDataset(input: DatasetInput): DatasetSpec {
  return datasetSpec.parse(input);
}

// One setting as the settings page, `parity settings list` and `GET /api/settings` show it
// (docs/api.md, "Settings"): the server builds it, the route declares it as its response
// schema, the admin page parses it.
import * as z from 'zod/mini';

export const SettingValue = z.union([z.string(), z.number()]);
export type SettingValue = z.infer<typeof SettingValue>;

export const SettingSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }),
  z.object({ kind: z.literal('environment') }),
  z.object({ kind: z.literal('start-up') }),
  z.object({ kind: z.literal('saved'), by: z.string(), at: z.string() }),
]);
export type SettingSource = z.infer<typeof SettingSource>;

export const SettingInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('choice'),
    // `protects` / `leaves`: what choosing the option guards against and what it does not (the disclosure profiles).
    options: z.array(z.object({ value: z.string(), label: z.string(), protects: z.optional(z.string()), leaves: z.optional(z.string()) })),
  }),
  z.object({ kind: z.literal('number'), min: z.number(), max: z.number(), step: z.number(), unit: z.string() }),
]);
export type SettingInput = z.infer<typeof SettingInput>;

export const SettingView = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  env: z.string(),
  editable: z.boolean(),
  secret: z.boolean(),
  /** The value in force; for a secret only "set" or "not set"; null when unset. */
  value: z.nullable(SettingValue),
  source: SettingSource,
  defaultValue: z.nullable(SettingValue),
  /** Editable settings: what a reset returns to (the environment's value, or the default). */
  resetValue: z.optional(SettingValue),
  /** When a change is felt. */
  takesEffect: z.optional(z.string()),
  input: z.optional(SettingInput),
  /** The allowed values in words. */
  allowed: z.optional(z.string()),
});
export type SettingView = z.infer<typeof SettingView>;

export const SettingList = z.object({ settings: z.array(SettingView) });
export type SettingList = z.infer<typeof SettingList>;

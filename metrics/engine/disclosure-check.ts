// The last look at a result before it leaves the engine's callers (server/services/
// metrics-service.ts runs it on every answer): under a suppressing profile every count in it,
// whatever field holds it, must be a rounded count, and every value beside a numerator and a
// denominator must be the one those published counts give. It walks the result generically, so a
// field added later (benchmarks, "not computable", SPC extras) is checked without being listed.
// A failure is a fault in Parity, refused rather than sent: never a silent disclosive figure.
import { METHOD_OF } from '../catalogue/schema.ts';
import { crudeRate, roundingStep, wilson, type DisclosureProfile } from '../statistics/index.ts';

/** Keys that hold counts: a figure's numerator and denominator, and completeness tallies. */
const COUNT_KEYS = new Set(['numerator', 'denominator', 'total', 'valid', 'notStated', 'notKnown', 'missing', 'invalid', 'activity']);

/** Objects that carry counts beside other numbers with the same names (none yet): skipped by key. */
const NOT_COUNTS = new Set(['metric', 'spc', 'period', 'filters']);

export interface DisclosureFault {
  path: string;
  problem: string;
}

interface Context {
  multiplier: number | null;
  level: number;
  /** The method of a figure that does not name its own (series points): the indicator's, unless it is published elsewhere. */
  method: string | null;
}

/** A crude rate names its interval ('Exact' below 10 events, 'Byars' from 10) or the indicator's method. */
const CRUDE_RATE_METHODS = new Set(['Exact', 'Byars', METHOD_OF['crude-rate']]);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The value and interval the published counts give, for the statistics that depend on the counts alone. */
function expected(node: Record<string, unknown>, context: Context): { value: number; lower: number; upper: number } | null {
  const { numerator: x, denominator: n } = node;
  const method = node.method ?? context.method;
  if (typeof x !== 'number' || typeof n !== 'number' || n <= 0 || context.multiplier === null) return null;
  if (method === METHOD_OF.percentage && Number.isInteger(x) && x <= n) return wilson(x, n, context.level, context.multiplier);
  if (typeof method === 'string' && CRUDE_RATE_METHODS.has(method)) return crudeRate(x, n, context.level, context.multiplier);
  return null;
}

function visit(node: unknown, path: string, step: number, context: Context, faults: DisclosureFault[]): void {
  if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`, step, context, faults));
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const metric = record.metric as { multiplier?: unknown; statistic?: keyof typeof METHOD_OF; kind?: string } | undefined;
  const here: Context = {
    multiplier: typeof metric?.multiplier === 'number' ? metric.multiplier : context.multiplier,
    level: typeof record.level === 'number' ? record.level : context.level,
    method: metric?.statistic ? (metric.kind === 'external' ? null : METHOD_OF[metric.statistic]) : context.method,
  };
  for (const [key, value] of Object.entries(record)) {
    if (COUNT_KEYS.has(key) && typeof value === 'number' && value % step !== 0) faults.push({ path: `${path}.${key}`, problem: `${value} is not a multiple of ${step}` });
  }
  const want = expected(record, here);
  if (want && typeof record.value === 'number') {
    for (const key of ['value', 'lower', 'upper'] as const) {
      const got = record[key];
      if (typeof got === 'number' && !close(got, want[key])) faults.push({ path: `${path}.${key}`, problem: `${got} is not the figure of the published counts (${want[key]})` });
    }
  }
  // A completeness share: valid of total, as published.
  if (typeof record.validPercent === 'number' && typeof record.valid === 'number' && typeof record.total === 'number' && record.total > 0) {
    const share = wilson(record.valid, record.total).value;
    if (!close(record.validPercent, share)) faults.push({ path: `${path}.validPercent`, problem: `${record.validPercent} is not the share of the published counts (${share})` });
  }
  for (const [key, value] of Object.entries(record)) if (!NOT_COUNTS.has(key)) visit(value, `${path}.${key}`, step, here, faults);
}

/** What in a result would give away more than its profile allows (empty when nothing). */
export function disclosureFaults(result: unknown, profile: DisclosureProfile): DisclosureFault[] {
  const step = roundingStep(profile);
  if (step === 1) return [];
  const faults: DisclosureFault[] = [];
  visit(result, '$', step, { multiplier: null, level: 95, method: null }, faults);
  return faults;
}

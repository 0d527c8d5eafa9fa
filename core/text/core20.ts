// Core20 (the most deprived fifth) against everyone else, as one verdict in one wording for the
// overview, the board report and the specialty page: a difference only where the 95% intervals do
// not overlap, called better or worse only when the indicator has a direction.
import { intervalsApart, type Polarity } from './compare.ts';

export type Core20Verdict = 'worse' | 'better' | 'higher' | 'lower' | 'similar' | 'none';

interface Figure {
  value: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

export function core20Verdict(core20: Figure | null | undefined, rest: Figure | null | undefined, polarity: Polarity): Core20Verdict {
  if (!core20 || !rest || core20.suppressed || rest.suppressed || core20.value === null || rest.value === null) return 'none';
  const apart = intervalsApart(core20, rest);
  if (apart === null) return 'none';
  if (apart === 'similar') return 'similar';
  if (polarity === 'context') return apart;
  return apart === polarity ? 'better' : 'worse';
}

export const core20VerdictLabels: Record<Core20Verdict, string> = {
  worse: 'Worse for Core20',
  better: 'Better for Core20',
  higher: 'Higher for Core20',
  lower: 'Lower for Core20',
  similar: 'No clear difference',
  none: 'Not compared',
};

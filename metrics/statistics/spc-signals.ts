// Every special-cause signal in the window, as episodes: a run of points that one Making Data
// Count rule flags on one side (or in one direction), with its first and last point. The per-point
// `signal` keeps only the highest-priority rule, which would split a ten-month shift around a
// point outside the limits; a reader needs both, so each rule's flags are read on their own.
import type { Signal } from './spc.ts';

export interface SignalEpisode {
  rule: Signal;
  /** 0-based positions of the first and last flagged point. */
  from: number;
  to: number;
  /** Above the mean / upper limit, or a rising trend: 'high'; otherwise 'low'. */
  direction: 'high' | 'low';
  kind: 'improvement' | 'concern' | 'neither';
  /** How many points the rule flagged in the episode. */
  points: number;
}

export interface RuleFlags {
  rule: Signal;
  flags: readonly boolean[];
  /** +1 / −1 per point: the side of the mean, or the trend's direction. */
  direction: readonly number[];
  /** Flagged points this far apart (in positions) still belong to one episode: 2 for "two of three". */
  reach: number;
}

/** Episodes of one rule: flagged points with the same direction and no more than `reach` apart. */
function episodesOf({ rule, flags, direction, reach }: RuleFlags, good: number): SignalEpisode[] {
  const out: SignalEpisode[] = [];
  let open: SignalEpisode | null = null;
  flags.forEach((flagged, i) => {
    if (!flagged) return;
    const d = direction[i] >= 0 ? 1 : -1;
    const dir = d > 0 ? 'high' : 'low';
    if (open && open.direction === dir && i - open.to <= reach) {
      open.to = i;
      open.points += 1;
      return;
    }
    open = { rule, from: i, to: i, direction: dir, kind: good === 0 ? 'neither' : d === good ? 'improvement' : 'concern', points: 1 };
    out.push(open);
  });
  return out;
}

const ORDER: Signal[] = ['outside-limits', 'trend', 'two-of-three', 'shift'];

/** All episodes in time order (ties in the rules' priority order). */
export function signalEpisodes(rules: RuleFlags[], good: number): SignalEpisode[] {
  return rules
    .flatMap((r) => episodesOf(r, good))
    .sort((a, b) => a.from - b.from || ORDER.indexOf(a.rule) - ORDER.indexOf(b.rule));
}
